// libphonenumber-js, loaded when a phone transform is first checked or run: most flows never
// format a phone number, and its numbering plans would otherwise load at every start.
import type { CountryCode } from 'libphonenumber-js';
import { lazyLibrary } from '../../../engine/sdk';

const phone = lazyLibrary<typeof import('libphonenumber-js')>('libphonenumber-js');

export type { CountryCode };
export const isSupportedCountry = (code: string): code is CountryCode => phone().isSupportedCountry(code);
export const parsePhoneNumberFromString = (text: string, country?: CountryCode) => phone().parsePhoneNumberFromString(text, country);
