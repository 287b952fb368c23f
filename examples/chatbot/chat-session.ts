import { createRuntime, type Execution, type Runtime, type ServiceHandler } from '@stepwise/runtime';
import { chatFunctions } from './handlers';
import { chatbot } from './workflow';

/**
 * The user's side of one conversation. The workflow's outbox (sqs:sendMessage) delivers each bot
 * reply here together with the task token the workflow is now waiting on; `say` answers that
 * token with the user's message.
 */
export class ChatSession {
  readonly runtime: Runtime;
  readonly transcript: string[] = [];
  private token: string | undefined;
  private readonly listeners: (() => void)[] = [];
  private execution: Execution | undefined;

  constructor() {
    this.runtime = createRuntime({
      lambdaFunctions: chatFunctions,
      services: { sqs: { sendMessage: this.deliver } },
    });
  }

  start(): Execution {
    this.execution = this.runtime.startExecution(chatbot);
    return this.execution;
  }

  /** Resolves once the bot has replied and waits for the user (or the conversation has ended). */
  async botTurn(): Promise<string | undefined> {
    if (this.token === undefined) {
      const ended = this.execution?.result().then(() => undefined);
      await Promise.race([new Promise<void>((resolve) => this.listeners.push(resolve)), ended]);
    }
    return this.transcript.at(-1);
  }

  /** Sends the user's message; resolves with the bot's answer to it. */
  async say(text: string): Promise<string | undefined> {
    await this.botTurn();
    const token = this.token;
    if (token === undefined) throw new Error('the conversation is over');
    this.token = undefined;
    this.transcript.push(`user: ${text}`);
    await this.runtime.sendTaskSuccess(token, { text });
    return this.botTurn();
  }

  private readonly deliver: ServiceHandler = (parameters) => {
    const { MessageBody } = parameters as { MessageBody: { reply: string; taskToken?: string } };
    this.transcript.push(`bot: ${MessageBody.reply}`);
    this.token = MessageBody.taskToken;
    for (const listener of this.listeners.splice(0)) listener();
    return { MessageId: `m-${this.transcript.length}` };
  };
}
