export { startSocialFakes, type Fault, type Injection, type SocialFakes } from './server.js';
export { FakeSocialState, type FakePost } from './state.js';
export { connectSimulatedChannels } from './demo.js';
