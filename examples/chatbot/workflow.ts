const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const OUTBOX = 'https://sqs.us-east-1.amazonaws.com/123456789012/chat-outbox';

/** Sends the bot's reply and, with a token, waits for the user's next message. */
const sendReply = (replyPath: string, next: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
  Parameters: {
    QueueUrl: OUTBOX,
    MessageBody: { 'reply.$': replyPath, 'taskToken.$': '$$.Task.Token' },
  },
  // A user who says nothing for ten minutes is let go.
  TimeoutSeconds: 600,
  ResultPath: '$.message',
  Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Idle Goodbye' }],
  Next: next,
});

const finalReply = (reply: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::sqs:sendMessage',
  Parameters: { QueueUrl: OUTBOX, MessageBody: { reply } },
  ResultPath: null,
  End: true,
});

/**
 * One conversation per execution: greet, then for every user message classify the intent and
 * answer; each answer is a callback task that the user's next message completes.
 */
export const chatbot = {
  Comment: 'An order-status chatbot',
  StartAt: 'Greet',
  States: {
    Greet: {
      Type: 'Pass',
      Result: { reply: 'Hi! Ask me where an order is, or say bye.' },
      ResultPath: '$.bot',
      Next: 'Reply And Listen',
    },
    'Reply And Listen': sendReply('$.bot.reply', 'Classify Intent'),
    'Classify Intent': {
      Type: 'Task',
      Resource: fn('ClassifyIntent'),
      Parameters: { 'text.$': '$.message.text' },
      ResultPath: '$.intent',
      Next: 'Route Intent',
    },
    'Route Intent': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.intent.name', StringEquals: 'order_status', Next: 'Look Up Order' },
        { Variable: '$.intent.name', StringEquals: 'goodbye', Next: 'Say Goodbye' },
      ],
      Default: 'Not Understood',
    },
    'Look Up Order': {
      Type: 'Task',
      Resource: fn('LookUpOrder'),
      Parameters: { 'orderId.$': '$.intent.orderId' },
      ResultPath: '$.bot',
      Next: 'Reply And Listen',
    },
    'Not Understood': {
      Type: 'Pass',
      Result: { reply: "Sorry, I only know about orders. Try 'where is order 42?'" },
      ResultPath: '$.bot',
      Next: 'Reply And Listen',
    },
    'Say Goodbye': finalReply('Goodbye!'),
    'Idle Goodbye': finalReply('Closing the chat after ten quiet minutes.'),
  },
} as const;
