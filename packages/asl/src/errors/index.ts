export { StepwiseError } from './stepwise-error';
