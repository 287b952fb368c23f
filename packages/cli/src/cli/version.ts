// The bundler inlines this one field, so printing the version reads no file.
import { version } from '../../package.json';

export const CLI_VERSION: string = version;
