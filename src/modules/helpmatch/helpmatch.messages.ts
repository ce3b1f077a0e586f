import { registerMessages } from '../../platform/i18n/index.ts';
import { nl } from './messages/nl.ts';
import { en } from './messages/en.ts';

registerMessages({ nl, en });
