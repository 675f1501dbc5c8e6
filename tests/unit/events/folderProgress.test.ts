import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import { CoreEvent as CoreEventSchema } from '../../../shared/events';
import { EventHub } from '../../../electron/services/events/eventHub';

// A long open's progress as the window hears it: a step per hundredth (100,000 reports would
// flood the event stream), always the last one, and — for a window that connects while the
// open is under way — the latest step at once, not at the next one.

const progressOf = (events: CoreEvent[]) => events.flatMap((e) => (e.type === 'folder.progress' ? [e.data] : []));

describe('folder.progress', () => {
  it('reports a step per hundredth of the total and always the last, each a valid event', () => {
    const hub = new EventHub();
    const heard: CoreEvent[] = [];
    hub.listen((e) => heard.push(e));
    const report = hub.progress('reading');
    for (let done = 0; done <= 1000; done++) report({ done, total: 1000 });
    const steps = progressOf(heard);
    expect(steps).toHaveLength(101);
    expect(steps.map((s) => s.done)).toEqual(Array.from({ length: 101 }, (_, k) => k * 10));
    expect(steps.every((s) => s.phase === 'reading' && s.total === 1000)).toBe(true);
    for (const e of heard) expect(CoreEventSchema.safeParse(e).success).toBe(true);
  });

  it('tells a window that connects mid-way the step reached, and nothing once the phase is done', () => {
    const hub = new EventHub();
    const report = hub.progress('indexing');
    void report({ done: 0, total: 300 });
    void report({ done: 150, total: 300 });
    const late: CoreEvent[] = [];
    hub.listen((e) => late.push(e));
    expect(progressOf(late)).toEqual([{ phase: 'indexing', done: 150, total: 300 }]);
    void report({ done: 300, total: 300 });
    expect(progressOf(late).at(-1)).toEqual({ phase: 'indexing', done: 300, total: 300 });
    const after: CoreEvent[] = [];
    hub.listen((e) => after.push(e));
    expect(after).toEqual([]);
  });

  it('reports a phase with nothing to do as done', () => {
    const hub = new EventHub();
    const heard: CoreEvent[] = [];
    hub.listen((e) => heard.push(e));
    void hub.progress('indexing')({ done: 0, total: 0 });
    expect(progressOf(heard)).toEqual([{ phase: 'indexing', done: 0, total: 0 }]);
  });
});
