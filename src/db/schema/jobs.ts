export type JobState = 'created' | 'active' | 'retry' | 'completed' | 'failed';

export interface JobsTables {
  /** The embedded queue (SQLite deployments). PostgreSQL deployments use pg-boss's own schema. */
  jobs: {
    id: string;
    name: string;
    data: string;
    state: JobState;
    singleton_key: string | null;
    run_at: string;
    attempts: number;
    retry_limit: number;
    retry_delay_ms: number;
    last_error: string | null;
    locked_until: string | null;
    created_at: string;
    completed_at: string | null;
  };
  job_singletons: {
    name: string;
    singleton_key: string;
    created_at: string;
  };
  job_schedules: {
    name: string;
    cron: string;
    tz: string;
    data: string;
    next_run_at: string;
    updated_at: string;
  };
}
