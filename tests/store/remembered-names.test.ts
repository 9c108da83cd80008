/**
 * Remembered name resolution: a name is resolved by the store once, forgotten when this
 * process stores something or the time is up, and a name that found nothing is asked again.
 */
import { EmbeddedStore } from '../../src/store/embedded';
import { rememberingNames } from '../../src/store/remembered-names';
import { seedGraphs } from '../support/seeds';

async function counted(ttlMs?: number) {
  const inner = new EmbeddedStore();
  const asked: string[] = [];
  const resolve = inner.resolve.bind(inner);
  inner.resolve = (name: string) => {
    asked.push(name);
    return resolve(name);
  };
  return { inner, store: rememberingNames(inner, ttlMs), asked };
}

test('a resolved name is asked of the store once, and again after this process stores', async () => {
  const [china2021, , liaoning] = await seedGraphs();
  const { store, asked } = await counted();
  await store.ingest(liaoning!);
  const first = await store.resolve('沈阳');
  expect(first.map((e) => e.id)).toEqual(['place:沈阳']);
  expect(await store.resolve('沈阳')).toEqual(first);
  expect(asked).toEqual(['沈阳']);
  await store.ingest(china2021!);
  await store.resolve('沈阳');
  expect(asked).toEqual(['沈阳', '沈阳']);
});

test('a name that found nothing is not remembered: a report stored elsewhere is found at once', async () => {
  const [, , liaoning] = await seedGraphs();
  const { inner, store, asked } = await counted();
  expect(await store.resolve('沈阳')).toEqual([]);
  await inner.ingest(liaoning!); // another process, past the wrapper
  expect((await store.resolve('沈阳')).map((e) => e.id)).toEqual(['place:沈阳']);
  expect(asked).toEqual(['沈阳', '沈阳']);
});

test('a remembered name is asked again once its time is up', async () => {
  const [, , liaoning] = await seedGraphs();
  const { store, asked } = await counted(0);
  await store.ingest(liaoning!);
  await store.resolve('Shenyang');
  await store.resolve('Shenyang');
  expect(asked).toEqual(['Shenyang', 'Shenyang']);
});
