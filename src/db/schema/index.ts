import type { AccountsTables } from './accounts.js';
import type { ChannelsTables } from './channels.js';
import type { ComposerTables } from './composer.js';
import type { JobsTables } from './jobs.js';
import type { MediaTables } from './media.js';
import type { MonitoringTables } from './monitoring.js';
import type { PelayananTables } from './pelayanan.js';
import type { RemindersTables } from './reminders.js';
import type { SiteTables } from './site.js';
import type { StaffMessagesTables } from './staff-messages.js';
import type { UnitsTables } from './units.js';

// One interface per module, combined here. Each module adds its own file and one `extends` entry.
export interface DB extends UnitsTables, AccountsTables, JobsTables, MediaTables, RemindersTables, SiteTables, ChannelsTables, MonitoringTables, ComposerTables, PelayananTables, StaffMessagesTables {}

export type { UnitKind } from './units.js';
export type { Role, UserStatus } from './accounts.js';
