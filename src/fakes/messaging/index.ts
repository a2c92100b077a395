// Local contract fakes for the reminder channels. E-mail needs no fake of our own: tests run the
// `smtp-server` package on 127.0.0.1 (see tests/reminders/support/smtp.ts).
export { startTelegramFake, type TelegramFake, type TelegramScenario } from './telegram-fake.js';
export { startWhatsAppFake, type WhatsAppFake, type WhatsAppScenario, type WhatsAppFakeOptions } from './whatsapp-fake.js';
export type { RecordedRequest } from './http-fake.js';
