import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { ChatSession } from './chat-session';
import { chatbot } from './workflow';

describe('the chatbot example', () => {
  it('is a valid state machine', () => {
    expect(validate(chatbot).ok).toBe(true);
  });

  it('routes each message on its intent and waits for the next one', async () => {
    const chat = new ChatSession();
    const execution = chat.start();
    expect(await chat.botTurn()).toBe('bot: Hi! Ask me where an order is, or say bye.');
    expect(await chat.say('Where is order 42?')).toBe(
      'bot: Order 42 shipped on Monday and arrives tomorrow.',
    );
    expect(await chat.say('tell me a joke')).toBe(
      "bot: Sorry, I only know about orders. Try 'where is order 42?'",
    );
    expect(await chat.say('and order #9?')).toBe("bot: I can't find order 9.");
    expect(await chat.say('thanks, bye')).toBe('bot: Goodbye!');
    expect((await execution.result()).status).toBe('SUCCEEDED');
    expect(chat.transcript).toHaveLength(9);

    // Four messages, four trips through the Choice, four callbacks answered.
    expect(execution.history().filter((e) => e.type === 'ChoiceStateEntered')).toHaveLength(4);
    expect(execution.history().filter((e) => e.type === 'TaskSubmitted')).toHaveLength(4);
  });

  it('refuses a message once the conversation is over', async () => {
    const chat = new ChatSession();
    const execution = chat.start();
    await chat.say('bye');
    await execution.result();
    await expect(chat.say('hello?')).rejects.toThrow('the conversation is over');
  });
});
