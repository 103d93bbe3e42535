import { describe, expect, it } from 'vitest';
import { errorsByGroup, fieldId } from './fields';
import { normaliseCode, stepIndex } from './tracking';

describe('tracking helpers', () => {
  it('places each status on the stepper', () => {
    expect(stepIndex('received')).toBe(0);
    expect(stepIndex('needs_info')).toBe(0);
    expect(stepIndex('in_progress')).toBe(3);
    expect(stepIndex('closed')).toBe(5);
    expect(stepIndex('rejected')).toBe(-1);
  });

  it('normalises a typed code', () => {
    expect(normaliseCode(' 7kqm-4xht-92rc ')).toBe('7KQM-4XHT-92RC');
  });

  it('maps API field paths to input ids and groups', () => {
    expect(fieldId('reporter.id_number')).toBe('f-reporter-id-number');
    expect(fieldId('files[2]')).toBe('f-files');
    expect(errorsByGroup({ 'files[0]': 'a', 'files[1]': 'b', subject: 'c' })).toEqual({ files: 'a', subject: 'c' });
  });
});
