export type { CompiledPayloadTemplate, PayloadTemplateOptions } from './compile-payload-template';
export { compilePayloadTemplate } from './compile-payload-template';
export { InvalidPayloadTemplateError, PayloadPathNotFoundError } from './template-errors';
