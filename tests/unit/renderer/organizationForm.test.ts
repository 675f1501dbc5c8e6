import { describe, expect, it } from 'vitest';
import { changeFor, EMPTY_TEXTS, textsOf, valueOf } from '../../../renderer/features/settings/organizationForm';

// The Settings form sends only what changed, tidied as the folder stores it; a blank
// field clears its value; a bad one is named and not sent.

describe('the organisation form', () => {
  it('reads a field as a value to store, a clearing blank, or not valid', () => {
    expect(valueOf('name', '  Бюро \t «Әділет» ')).toBe('Бюро «Әділет»');
    expect(valueOf('address', ' Абай 10 \r\n\n Алматы ')).toBe('Абай 10\nАлматы');
    expect(valueOf('email', '   ')).toBeNull();
    expect(valueOf('email', 'office at bureau.kz')).toBe('invalid');
    expect(valueOf('phone', '+7 (727) 555-71-93')).toBe('+7 (727) 555-71-93');
    expect(valueOf('phone', '12')).toBe('invalid');
  });

  it('sends only the fields that differ from the folder, and names the bad ones', () => {
    const stored = textsOf({ name: 'Бюро', email: 'office@bureau.kz' });
    const typed = { ...stored, name: ' Бюро ', email: '', phone: '8-800-СВЯЗЬ', responsiblePerson: 'Сәуле Жақыпова' };
    expect(changeFor(['name', 'email', 'phone', 'responsiblePerson', 'responsibleRole'], typed, stored)).toEqual({
      patch: { email: null, responsiblePerson: 'Сәуле Жақыпова' },
      invalid: ['phone'],
    });
    expect(changeFor(['address'], EMPTY_TEXTS, EMPTY_TEXTS)).toEqual({ patch: {}, invalid: [] });
  });
});
