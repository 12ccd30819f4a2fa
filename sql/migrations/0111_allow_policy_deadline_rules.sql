-- The policy_deadline rule type (alerts.deadlines): a reminder N days before a deadline a policy sets.
ALTER TABLE alert_rules DROP CONSTRAINT IF EXISTS alert_rules_rule_type_check;
ALTER TABLE alert_rules ADD CONSTRAINT alert_rules_rule_type_check CHECK (rule_type IN
    ('keyword', 'category', 'entity', 'first_seen_entity', 'new_policy', 'changed', 'spike', 'policy_deadline'));
