import { EmbeddedStore } from '../../src/store/embedded';
import { storeContract } from './store-contract';

describe('store contract: embedded', () => {
  storeContract(async () => new EmbeddedStore());
});
