import http from 'node:http';
import type { HttpClient } from './http-client.ts';
import { openModel, summarize, type Stats } from './load.ts';
import type { Conversation } from './dialog-scenarios.ts';

/**
 * Live delivery under load: `count` citizens each hold their event stream open (one connection
 * each, as a browser tab does); an advisor sends messages at a steady rate to persons drawn from
 * them, and each send is timed from the moment it starts to the moment its `message.sent` event
 * arrives on the citizen's stream. A person has at most one send in flight, so the event that
 * arrives next on that thread is the one being timed.
 */
export interface StreamResult extends Stats {
  streams: number;
  /** Sends whose event had not arrived 5 s after the send started. */
  lost: number;
  /** The send requests themselves (status and latency to the HTTP answer). */
  send: Stats;
}

interface OpenStream {
  conversation: Conversation;
  close(): void;
}

function openStream(baseUrl: URL, agent: http.Agent, conversation: Conversation, onMessage: (threadId: string) => void): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: 'GET',
        path: `/api/persons/${conversation.person.personId}/events`,
        headers: { authorization: `Bearer ${conversation.person.token}`, accept: 'text/event-stream' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`event stream: ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!/^event: message\.sent$/m.test(block)) {
              continue;
            }
            const data = /^data: (.*)$/m.exec(block)?.[1];
            const threadId = data ? (JSON.parse(data) as { payload?: { threadId?: string } }).payload?.threadId : undefined;
            if (threadId) {
              onMessage(threadId);
            }
          }
        });
        response.on('error', () => undefined);
        resolve({ conversation, close: () => request.destroy() });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

export async function streamDelivery(
  baseUrl: string,
  http_: HttpClient,
  advisorToken: string,
  list: Conversation[],
  options: { streams: number; rate: number; warmupSeconds: number; seconds: number },
): Promise<StreamResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.streams + 10 });
  const chosen = list.slice(0, options.streams);
  const waiting = new Map<string, { started: number; arrived: (at: number) => void }>();
  const onMessage = (threadId: string) => {
    const entry = waiting.get(threadId);
    if (entry) {
      waiting.delete(threadId);
      entry.arrived(performance.now());
    }
  };
  const streams: OpenStream[] = [];
  // Opened 50 at a time: a thousand connections at once would measure the accept queue, not delivery.
  for (let i = 0; i < chosen.length; i += 50) {
    streams.push(...(await Promise.all(chosen.slice(i, i + 50).map((c) => openStream(base, agent, c, onMessage)))));
  }
  const arrivals: number[] = [];
  let lost = 0;
  const sendLatencies: number[] = [];
  const sendErrors: string[] = [];
  const idle = [...chosen];
  // openModel starts its schedule right away; sends started after the warm-up count.
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  let paced: Stats | undefined;
  try {
    paced = await openModel(
      async () => {
        const conversation = idle.splice(Math.floor(Math.random() * idle.length), 1)[0];
        if (!conversation) {
          return 'no idle stream to send to';
        }
        const started = performance.now();
        const counted = started >= measureFrom;
        const arrival = new Promise<number | null>((resolve) => {
          const timer = setTimeout(() => {
            waiting.delete(conversation.threadId);
            resolve(null);
          }, 5_000);
          waiting.set(conversation.threadId, { started, arrived: (at) => (clearTimeout(timer), resolve(at)) });
        });
        const reply = await http_.send('POST', `/api/threads/${conversation.threadId}/messages`, advisorToken, JSON.stringify({ text: 'Hei! Jeg har lagt inn et nytt møte i planen din.' }));
        if (counted) {
          if (reply.status === 201) {
            sendLatencies.push(performance.now() - started);
          } else {
            sendErrors.push(`send ${reply.status} ${(reply.body ?? '').slice(0, 120)}`);
          }
        }
        const at = await arrival;
        idle.push(conversation);
        if (reply.status !== 201) {
          return `send: ${reply.status}`;
        }
        if (at === null) {
          if (counted) {
            lost++;
          }
          return 'event did not arrive within 5 s';
        }
        if (counted) {
          arrivals.push(at - started);
        }
        return null;
      },
      {
        rate: options.rate,
        warmupSeconds: options.warmupSeconds,
        seconds: options.seconds,
      },
    );
  } finally {
    for (const s of streams) {
      s.close();
    }
    agent.destroy();
  }
  // Failures the operation reported (a send that threw, an event that never came) count as errors.
  return { ...summarize(arrivals, paced?.errorSamples.length ? [...Array(paced.errors)].map((_, i) => paced!.errorSamples[i % paced!.errorSamples.length]!) : [], options.seconds), streams: streams.length, lost, send: summarize(sendLatencies, sendErrors, options.seconds) };
}
