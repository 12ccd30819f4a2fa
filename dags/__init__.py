"""The Airflow DAGs (wiring only) and their shared support, dags.dag_support."""
