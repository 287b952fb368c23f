// The order handlers under the name `stepwise run --handlers` looks for.
export { orderHandlers as handlers } from './workflow';
