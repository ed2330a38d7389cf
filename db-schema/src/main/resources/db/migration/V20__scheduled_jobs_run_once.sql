-- Scheduled jobs run once across triage replicas (ADR 24). A replica runs a job only if its UPDATE moved the job's
-- next_run_at forward; the row lock lets exactly one replica do that per due time. last_run_by names the replica.
CREATE TABLE scheduled_job (
    name         text        PRIMARY KEY,
    next_run_at  timestamptz NOT NULL,
    last_run_at  timestamptz,
    last_run_by  text
);

-- The dashboard's figures, computed by the replica that ran the refresh and read by every replica (ADR 13, 24).
CREATE TABLE dashboard_figures (
    singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    computed_at  timestamptz NOT NULL,
    figures      jsonb       NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON scheduled_job, dashboard_figures TO ${triageRole};
