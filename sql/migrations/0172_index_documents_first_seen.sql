-- Spike counts (alerts/spikes.py) find undated documents of a window by first_seen_at; without
-- an index that read every document of the archive for every spike rule (issue 17).
CREATE INDEX documents_first_seen_idx ON documents (first_seen_at);
