// A scripted conversation with the chatbot; prints the transcript.
import { ChatSession } from './chat-session';

const chat = new ChatSession();
const execution = chat.start();
for (const line of ['Where is order 7?', 'What about order 42?', 'bye']) await chat.say(line);
await execution.result();
console.log(chat.transcript.join('\n'));
