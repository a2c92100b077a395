import pino, { type Logger } from 'pino';
import type { Config } from '../config/index.js';

/** JSON lines on stdout: one per request with its id, unit and user. */
export const createLogger = (config: Pick<Config, 'logLevel'>): Logger => pino({ level: config.logLevel, base: { app: 'beranda' } });
