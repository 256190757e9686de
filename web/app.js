// The fan's page: sign in, concerts, waiting room, seat map, checkout, booking. Hash routes, so a reload comes
// back to the same screen and no route can clash with an API path on the same origin.
import { ApiProblem, call, seatRange } from './api.js';
import { claimsOf, finishHostedSignIn, issuer, loadConfig, session, signInAs, signInMode, signOut, startHostedSignIn } from './signin.js';
import { cancellationRefusedFor, outcomeFor, pointCount, stepLabel } from './problems.js';
import { solveQueueWork } from './work.js';

const app = document.getElementById('app');
const MAX_SEATS = 4;
const SEAT_MAP_REFRESH_MS = 5000;
const BOOKING_POLL_MS = 1000;
/** Polls wait the server's advice plus up to this share more, never less, so a crowd does not poll in step. */
const JITTER = 0.2;

// ---------- small helpers ----------

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const store = {
  get(key) {
    try {
      return JSON.parse(localStorage.getItem(`ticketflow.${key}`));
    } catch {
      return null;
    }
  },
  set(key, value) {
    localStorage.setItem(`ticketflow.${key}`, JSON.stringify(value));
  },
  remove(key) {
    localStorage.removeItem(`ticketflow.${key}`);
  },
};

function newId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function duration(seconds) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ${minutes % 60} min`;
}

function clock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function showProblem(target, error) {
  target.textContent = error instanceof ApiProblem ? error.message : 'Something went wrong on our side. Please try again in a moment.';
  if (!(error instanceof ApiProblem)) console.error(error);
}

/** Timers of the current screen, all cleared when the fan leaves it. */
class Screen {
  constructor() {
    this.timers = new Set();
    this.left = false;
  }

  after(ms, action) {
    const id = setTimeout(() => {
      this.timers.delete(id);
      if (!this.left) action();
    }, ms);
    this.timers.add(id);
  }

  every(ms, action) {
    const id = setInterval(() => !this.left && action(), ms);
    this.timers.add(id);
  }

  leave() {
    this.left = true;
    this.timers.forEach((id) => {
      clearTimeout(id);
      clearInterval(id);
    });
  }
}

function page(title, ...children) {
  app.replaceChildren(h('h1', { text: title }), ...children);
  document.title = `${title} · ticketflow`;
  app.focus();
}

let concerts;
async function concertNamed(concertId) {
  concerts = concerts || (await call('GET', '/concerts', { auth: false })).body.concerts;
  return concerts.find((concert) => concert.concertId === concertId);
}

// ---------- screens ----------

function signInScreen(failure) {
  const message = h('p', { class: 'alert', role: 'alert' });
  if (failure) showProblem(message, failure);
  if (signInMode() === 'cognito') {
    const button = h('button', { id: 'sign-in', type: 'button', text: 'Sign in',
      onclick: () => startHostedSignIn().catch((error) => showProblem(message, error)) });
    page('Sign in', h('p', { class: 'muted', text: 'You sign in on the ticketflow sign-in page and come straight back here.' }),
      h('p', {}, button), message);
    button.focus();
    return;
  }
  if (signInMode() === 'issuer') {
    page('Sign in', h('p', { id: 'sign-in-elsewhere',
      text: `This page cannot sign you in: this deployment accepts tokens from ${issuer()} only. Sign in with that provider's own app.` }));
    return;
  }
  const name = h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true });
  const form = h('form', { class: 'card' },
    h('label', { for: 'user', text: 'Your name ' }), name, ' ',
    h('button', { id: 'sign-in', type: 'submit', text: 'Sign in' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await signInAs(name.value.trim());
      route();
    } catch (error) {
      showProblem(message, error);
    }
  });
  page('Sign in', h('p', { class: 'muted', text: 'Locally any name works: the runtime issues a development token.' }), form, message);
  name.focus();
}

async function concertsScreen(screen) {
  const message = h('p', { class: 'alert', role: 'alert' });
  page('Concerts', message);
  try {
    concerts = (await call('GET', '/concerts', { auth: false })).body.concerts;
  } catch (error) {
    showProblem(message, error);
    return;
  }
  if (screen.left) return;
  app.append(h('ul', { class: 'plain' }, concerts.map((concert) => h('li', { class: 'card' },
    h('h2', { text: concert.title }),
    h('p', { text: `${concert.artist} · ${concert.venue}` }),
    h('button', { 'data-concert': concert.concertId, onclick: () => (location.hash = `#/queue/${concert.concertId}`) },
      `Join the line for ${concert.title}`)))));
}

async function waitingRoom(screen, concertId) {
  const concert = await concertNamed(concertId).catch(() => undefined);
  if (screen.left) return;
  const message = h('p', { class: 'alert', role: 'alert' });
  const live = h('p', { id: 'queue-live', 'aria-live': 'polite', 'aria-atomic': 'true', class: 'big' });
  const ahead = h('p', { id: 'queue-ahead' });
  const eta = h('p', { id: 'queue-eta' });
  const next = h('p', { id: 'queue-next', class: 'muted' });
  const turn = h('div', { id: 'queue-turn' });
  page(`Waiting room · ${concert ? concert.title : concertId}`,
    h('div', { class: 'card' }, live, ahead, eta, next), turn, message,
    h('p', { class: 'muted', text: 'Keep this page open. Reloading keeps your place; you do not need to refresh.' }));

  const tokenKey = `queue.${concertId}`;
  let lastAnnounced = '';

  const show = (ticket) => {
    if (ticket.status === 'WAITING' && ticket.position == null) {
      // a pre-queue: everyone who arrives before the opening gets a random place, so there is no rush to be first
      live.textContent = lastAnnounced = 'You are in the pre-queue.';
      ahead.textContent = `The line opens in about ${duration(ticket.opensInSeconds || 0)}; places are then drawn at random.`;
      eta.textContent = '';
    } else if (ticket.status === 'WAITING') {
      const text = `You are number ${ticket.position} in line`;
      if (text !== lastAnnounced) live.textContent = lastAnnounced = text;
      ahead.textContent = ticket.position === 1 ? 'You are next.' : `${ticket.position - 1} people ahead of you.`;
      eta.textContent = `Estimated wait: about ${duration(ticket.etaSeconds)} at the current pace.`;
    } else if (ticket.status === 'ACTIVE') {
      store.set(`pass.${concertId}`, { admissionPass: ticket.admissionPass, activeUntil: ticket.activeUntil });
      live.textContent = lastAnnounced = 'It is your turn!';
      ahead.textContent = `Book before ${new Date(ticket.activeUntil).toLocaleTimeString()}.`;
      eta.textContent = '';
      next.textContent = '';
      showSchedules(turn, concertId, message);
    } else {
      live.textContent = lastAnnounced = 'Your turn has ended.';
      ahead.textContent = '';
      eta.textContent = '';
      next.textContent = '';
      store.remove(tokenKey);
      store.remove(`pass.${concertId}`);
      turn.replaceChildren(h('button', { onclick: () => route(), text: 'Join the line again' }));
    }
  };

  // Never sooner than the server advises; the jitter only ever adds, so a crowd spreads out instead of in step.
  const pollIn = (seconds) => {
    const ms = seconds * 1000 * (1 + Math.random() * JITTER);
    next.textContent = `Next update in about ${Math.ceil(ms / 1000)} s.`;
    screen.after(ms, poll);
  };

  let advised = 10;
  const answered = (ticket) => {
    message.textContent = '';
    show(ticket);
    if (ticket.status === 'WAITING') {
      advised = ticket.pollAfterSeconds || advised;
      pollIn(advised);
    }
  };
  const failed = (error) => {
    showProblem(message, error);
    if (error instanceof ApiProblem && error.kind === 'queue-token-not-found') {
      store.remove(tokenKey);
    }
    // a refusal or an outage: back off at least as long as advised, longer if the server says so
    advised = Math.min(Math.max(advised, error.retryAfterSeconds || 0) * (error.retryAfterSeconds ? 1 : 2), 120);
    pollIn(advised);
  };

  async function poll() {
    const token = store.get(tokenKey);
    try {
      if (token) {
        answered((await call('GET', `/queue-tokens/${encodeURIComponent(token)}`)).body);
      } else {
        // the queue names the work an enter needs; the token's subject is who the work is for
        const queue = (await call('GET', `/concerts/${encodeURIComponent(concertId)}/queue`, { auth: false })).body;
        next.textContent = 'Getting you into the line…';
        const work = await solveQueueWork(concertId, claimsOf(session().token).sub, queue.workDifficulty);
        const entered = (await call('POST', `/concerts/${encodeURIComponent(concertId)}/queue-tokens`,
          { headers: { 'x-queue-work': work } })).body;
        store.set(tokenKey, entered.token);
        answered(entered);
      }
    } catch (error) {
      if (!screen.left) failed(error);
    }
  }
  poll();
}

async function showSchedules(target, concertId, message) {
  try {
    const { schedules } = (await call('GET', `/concerts/${encodeURIComponent(concertId)}/schedules`, { auth: false })).body;
    target.replaceChildren(h('h2', { text: 'Choose a show' }), h('ul', { class: 'plain' }, schedules.map((schedule) =>
      h('li', { class: 'card row' },
        h('span', { text: `${new Date(schedule.startsAt).toLocaleString()} · ${schedule.freeSeats} seats free` }),
        h('button', { 'data-schedule': schedule.scheduleId, disabled: schedule.freeSeats === 0,
          onclick: () => (location.hash = `#/seats/${concertId}/${schedule.scheduleId}`) }, 'Pick seats')))));
  } catch (error) {
    showProblem(message, error);
  }
}

const SEAT_WORDS = { FREE: 'free', HELD: 'held', SOLD: 'sold' };
const SEAT_MARKS = { FREE: '○', HELD: '◐', SOLD: '✕' };

async function seatMapScreen(screen, concertId, scheduleId) {
  const pass = store.get(`pass.${concertId}`);
  const message = h('p', { class: 'alert', role: 'alert' });
  const status = h('p', { id: 'seat-status', class: 'sr-only', 'aria-live': 'polite' });
  const tabs = h('div', { class: 'sections', role: 'group', 'aria-label': 'Sections' });
  const grid = h('div', { class: 'grid', id: 'seat-grid', role: 'group', 'aria-label': 'Seats' });
  const chosen = h('p', { id: 'chosen' });
  const hold = h('button', { id: 'hold', disabled: true, text: 'Hold seats' });
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    ['FREE', 'HELD', 'SOLD'].map((s) => h('li', {}, h('span', { class: `seat ${s.toLowerCase()}`, 'aria-hidden': 'true' },
      h('span', { class: 'mark', text: SEAT_MARKS[s] })), h('span', { text: SEAT_WORDS[s] }))),
    h('li', {}, h('span', { class: 'seat mine', 'aria-hidden': 'true' }, h('span', { class: 'mark', text: '✓' })), h('span', { text: 'your choice' })));
  page('Pick your seats', legend, tabs, grid, h('div', { class: 'card row' }, chosen, hold), message, status);
  if (!pass) {
    // the map is public: a fan may look before their turn, and holds once admitted
    hold.replaceWith(h('button', { id: 'to-queue', onclick: () => (location.hash = `#/queue/${concertId}`),
      text: 'Join the line to book' }));
  }

  let sections = [];
  let section;
  const selected = new Map(); // seatNo → seat
  try {
    const { schedules } = (await call('GET', `/concerts/${encodeURIComponent(concertId)}/schedules`, { auth: false })).body;
    sections = (schedules.find((s) => s.scheduleId === scheduleId) || { sections: [] }).sections;
  } catch (error) {
    showProblem(message, error);
    return;
  }
  if (screen.left) return;

  const summary = () => {
    const seats = [...selected.values()];
    const total = seats.reduce((sum, seat) => sum + seat.price, 0);
    chosen.textContent = seats.length
      ? `Seats ${seats.map((s) => s.seatNo).join(', ')} · ${total} points`
      : `Choose up to ${MAX_SEATS} free seats.`;
    hold.disabled = seats.length === 0;
  };

  const draw = (map) => {
    grid.replaceChildren(...map.seats.map((seat) => {
      const mine = selected.has(seat.seatNo);
      if (seat.status !== 'FREE' && mine) selected.delete(seat.seatNo);
      const word = SEAT_WORDS[seat.status];
      const button = h('button', {
        class: `seat ${word}`, 'data-seat': seat.seatNo, 'data-status': seat.status,
        'aria-label': `Seat ${seat.seatNo}, ${seat.grade}, ${seat.price} points, ${word}`,
        'aria-pressed': seat.status === 'FREE' ? String(selected.has(seat.seatNo)) : undefined,
        disabled: seat.status !== 'FREE',
        title: `${seat.grade} · ${seat.price} points · ${word}`,
      }, h('span', { class: 'mark', 'aria-hidden': 'true', text: selected.has(seat.seatNo) ? '✓' : SEAT_MARKS[seat.status] }), String(seat.seatNo));
      button.addEventListener('click', () => {
        if (selected.has(seat.seatNo)) selected.delete(seat.seatNo);
        else if (selected.size < MAX_SEATS) selected.set(seat.seatNo, seat);
        else message.textContent = `You can hold at most ${MAX_SEATS} seats at once.`;
        const on = selected.has(seat.seatNo);
        button.setAttribute('aria-pressed', String(on));
        button.firstChild.textContent = on ? '✓' : SEAT_MARKS.FREE;
        summary();
      });
      return button;
    }));
    summary();
  };

  const load = async () => {
    try {
      draw(await seatRange(scheduleId, section.firstSeat, section.lastSeat));
    } catch (error) {
      showProblem(message, error);
    }
  };

  const choose = (next) => {
    section = next;
    selected.clear();
    [...tabs.children].forEach((tab) => tab.setAttribute('aria-pressed', String(tab.dataset.section === next.section)));
    load();
  };
  tabs.replaceChildren(...sections.map((s) => h('button', { class: 'secondary', 'data-section': s.section, 'aria-pressed': 'false',
    onclick: () => choose(s) }, `${s.section} · ${s.grade} · ${s.price} pts`)));
  if (sections.length) choose(sections[0]);
  // the map is shared by everyone: re-read it now and then; an unchanged section costs a 304
  screen.every(SEAT_MAP_REFRESH_MS, load);

  hold.addEventListener('click', async () => {
    hold.disabled = true;
    message.textContent = '';
    try {
      const reservation = (await call('POST', '/reservations', {
        body: { scheduleId, seatNos: [...selected.keys()] },
        headers: { 'x-admission-pass': pass.admissionPass },
      })).body;
      store.set(`reservation.${reservation.reservationId}`, { concertId });
      location.hash = `#/checkout/${reservation.reservationId}`;
    } catch (error) {
      showProblem(message, error);
      if (error instanceof ApiProblem && error.kind === 'seat-unavailable') {
        status.textContent = 'The seat map was updated.';
        await load();
      }
      summary();
    }
  });
}

/** The simulated provider's test cards (local/runtime SimulatedCards): run-local has no real card form. */
const TEST_CARDS = ['tok_approve', 'tok_decline', 'tok_timeout', 'tok_refund_fails', 'tok_capture_fails'];

/**
 * Why a split cannot be paid, as the server would refuse it (and a balance too small, which it would only find in
 * the saga); null when it can. The server says `invalid-payment-split` for the first and last.
 */
function splitProblem({ price, balance, points, card, token }) {
  if (!Number.isInteger(points) || points < 0 || points > price) {
    return { field: 'points', sentence: `Use a whole number of points from 0 to ${Math.min(price, balance)}.` };
  }
  if (points > balance) return { field: 'points', sentence: `You have ${pointCount(balance)}: use at most that many, or add points first.` };
  if (card > 0 && !token) return { field: 'card', sentence: `Enter a card to pay the ${card} your points do not cover.` };
  return null;
}

function payLabel(points, card) {
  if (card === 0) return `Pay ${pointCount(points)}`;
  return points === 0 ? `Pay ${card} by card` : `Pay ${pointCount(points)} + ${card} by card`;
}

async function checkoutScreen(screen, reservationId) {
  const message = h('p', { class: 'alert', role: 'alert' });
  const details = h('div', { class: 'card', id: 'reservation' });
  const countdown = h('p', { id: 'hold-countdown', class: 'countdown', role: 'timer', 'aria-live': 'off' });
  const balance = h('p', { id: 'balance' });
  const amount = h('input', { id: 'topup-amount', type: 'number', min: '1', step: '1', value: '500', 'aria-label': 'Points to add' });
  const topUp = h('button', { id: 'topup', class: 'secondary', text: 'Add points' });
  const points = h('input', { id: 'points-to-use', type: 'number', min: '0', step: '1', inputmode: 'numeric' });
  const cardPart = h('p', { id: 'card-part', 'aria-live': 'polite' });
  const token = h('input', { id: 'card-token', list: 'test-cards', autocomplete: 'off', 'aria-describedby': 'card-hint' });
  const cardField = h('div', { class: 'row' }, h('label', { for: 'card-token', text: 'Card' }), token,
    h('datalist', { id: 'test-cards' }, TEST_CARDS.map((card) => h('option', { value: card }))),
    h('span', { id: 'card-hint', class: 'muted', text: `No real card form here: these are the simulated payment provider's test cards (${TEST_CARDS.join(', ')}).` }));
  const pay = h('button', { id: 'pay', text: 'Pay' });
  const outcome = h('div', { id: 'booking', 'aria-live': 'polite' });
  // shown only while the hold waits for its payment
  const splitCard = h('div', { class: 'card', id: 'split', hidden: true },
    h('div', { class: 'row' }, h('label', { for: 'points-to-use', text: 'Points to use' }), points, cardPart),
    cardField, h('div', { class: 'row' }, countdown, pay));
  page('Checkout', details, h('div', { class: 'card' }, balance, h('div', { class: 'row' }, amount, topUp)), splitCard, message, outcome);

  const context = store.get(`reservation.${reservationId}`) || {};
  const pass = context.concertId ? store.get(`pass.${context.concertId}`) : null;
  const passHeader = pass ? { 'x-admission-pass': pass.admissionPass } : {};
  let price = 0;
  let chosen = false; // once the fan typed a number, a new balance no longer moves it
  const split = () => {
    const have = Number(balance.dataset.balance || 0);
    if (!chosen) points.value = String(Math.min(price, have));
    points.max = String(Math.min(price, have));
    const used = points.value.trim() === '' ? NaN : Number(points.value);
    const card = Number.isInteger(used) && used >= 0 && used <= price ? price - used : undefined;
    cardPart.textContent = card === undefined ? '' : `Card: ${card}`;
    cardField.hidden = !(card > 0);
    pay.textContent = card === undefined ? 'Pay' : payLabel(used, card);
    return { price, balance: have, points: used, card, token: token.value.trim() };
  };
  points.addEventListener('input', () => {
    chosen = true;
    points.removeAttribute('aria-invalid');
    split();
  });
  token.addEventListener('input', () => token.removeAttribute('aria-invalid'));
  const refreshBalance = async () => {
    try {
      const { body } = await call('GET', '/points/balance');
      balance.textContent = `Your balance: ${body.balance} points`;
      balance.dataset.balance = body.balance;
      split();
    } catch (error) {
      showProblem(message, error);
    }
  };
  let reservation;
  try {
    reservation = (await call('GET', `/reservations/${encodeURIComponent(reservationId)}`, { headers: passHeader })).body;
  } catch (error) {
    if (error instanceof ApiProblem && error.kind.startsWith('admission-pass')) {
      // a booked or given-up turn ends the pass: the booking itself still tells how it went
      details.hidden = true;
      refreshBalance();
      followBooking(screen, reservationId, outcome, message, refreshBalance);
      return;
    }
    showProblem(message, error);
    return;
  }
  if (screen.left) return;
  details.replaceChildren(
    h('h2', { text: 'Your seats' }),
    h('ul', {}, reservation.seats.map((seat) => h('li', { text: `Seat ${seat.seatNo} · ${seat.grade} · ${seat.price} points` }))),
    h('p', {}, h('strong', { id: 'total', text: `Total: ${reservation.totalPrice} points` })));
  price = reservation.totalPrice;
  let settled = reservation.status !== 'PENDING';
  splitCard.hidden = settled;
  split();
  refreshBalance();
  const expiresAt = Date.parse(reservation.expiresAt);
  const tick = () => {
    if (settled) return;
    const left = expiresAt - Date.now();
    if (left > 0) {
      countdown.textContent = `Seats held for ${clock(left)}`;
    } else {
      settled = true;
      countdown.textContent = 'Hold expired';
      pay.disabled = true;
      message.textContent = 'Your hold has expired and the seats were released. Pick your seats again.';
      app.append(h('button', { id: 'pick-again', onclick: () => history.back(), text: 'Pick seats again' }));
    }
  };
  tick();
  screen.every(250, tick);
  if (settled) {
    countdown.textContent = '';
    pay.disabled = true;
    followBooking(screen, reservationId, outcome, message, refreshBalance);
  }

  // Points are bought at the payment provider: the checkout credits nothing, the provider's signed webhook does.
  const provider = h('div', { id: 'provider', class: 'row' });
  balance.after(provider);
  const awaitCredit = async (before) => {
    for (let tries = 0; tries < 30 && !screen.left; tries += 1) {
      await refreshBalance();
      if (Number(balance.dataset.balance) > before) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  topUp.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const { body: checkout } = await call('POST', '/points/top-ups', { body: { amount: Number(amount.value) } });
      const paymentUrl = new URL(checkout.paymentUrl, location.href);
      const before = Number(balance.dataset.balance || 0);
      const link = h('a', { id: 'provider-link', href: paymentUrl.href, target: '_blank', rel: 'noopener',
        text: `Pay ${checkout.amount} ${checkout.currency} at the payment provider` });
      provider.replaceChildren(link);
      if (paymentUrl.origin === location.origin && paymentUrl.pathname.startsWith('/dev/provider/')) {
        // run-local's simulated provider: its card is a button; paying there delivers the webhook
        provider.append(h('button', { id: 'provider-pay', class: 'secondary', text: 'Pay with the test card',
          onclick: async () => {
            try {
              await call('POST', `${paymentUrl.pathname}/confirm`, { auth: false });
              provider.replaceChildren();
              await awaitCredit(before);
            } catch (error) {
              showProblem(message, error);
            }
          } }));
      } else {
        window.addEventListener('focus', () => awaitCredit(before), { once: true });
      }
    } catch (error) {
      showProblem(message, error);
    }
  });

  // one key per reservation, kept across reloads: paying twice is one payment
  const keyName = `payment-key.${reservationId}`;
  const attempt = async (body) => {
    const key = store.get(keyName) || newId();
    store.set(keyName, key);
    try {
      const { body: answer } = await call('POST', '/payments', {
        body,
        headers: { 'idempotency-key': key, ...passHeader },
      });
      // the payment says what the card and the points paid, for the confirmed booking to show
      if (answer.paymentId) store.set(`payment.${reservationId}`, answer.paymentId);
      settled = true;
      countdown.textContent = '';
      splitCard.hidden = true;
      followBooking(screen, reservationId, outcome, message, refreshBalance);
    } catch (error) {
      if (error instanceof ApiProblem && error.kind === 'payment-not-open') {
        outcome.textContent = error.message;
        screen.after((error.retryAfterSeconds || 1) * 1000, () => attempt(body));
        return;
      }
      outcome.textContent = '';
      showProblem(message, error);
      pay.disabled = settled;
    }
  };
  pay.addEventListener('click', () => {
    message.textContent = '';
    const chosenSplit = split();
    const problem = splitProblem(chosenSplit);
    if (problem) {
      message.textContent = problem.sentence;
      const field = problem.field === 'card' ? token : points;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    pay.disabled = true;
    outcome.textContent = 'Paying…';
    attempt({ reservationId, pointsToUse: chosenSplit.points,
      ...(chosenSplit.card > 0 ? { paymentMethod: chosenSplit.token } : {}) });
  });
}

function stepList(steps) {
  return h('ol', { class: 'steps' }, steps.map((step) => h('li', { 'data-step': step.name },
    `${step.status === 'FAILED' ? '✕' : step.status === 'SUCCEEDED' ? '✓' : '…'} ${stepLabel(step.name)}`)));
}

/**
 * What a settled booking's money came to: its payment (when this page paid it and kept the id) and the points it
 * earned and had taken back (its lines in the ledger). What cannot be read is left unsaid, never guessed.
 */
async function figuresOf(reservationId, message) {
  const paymentId = store.get(`payment.${reservationId}`);
  try {
    const [payment, history] = await Promise.all([
      paymentId ? call('GET', `/payments/${encodeURIComponent(paymentId)}`).then((answer) => answer.body) : null,
      call('GET', '/points/history?limit=20').then((answer) => answer.body),
    ]);
    const line = (type) => history.entries.find((entry) => entry.reservationId === reservationId && entry.type === type);
    return { payment, earned: line('EARNED')?.amount, takenBack: line('EARNING_REVERSED')?.amount };
  } catch (error) {
    showProblem(message, error);
    return {};
  }
}

function confirmedFigures({ payment, earned }) {
  const said = [];
  if (payment) {
    if (payment.cardAmount === 0) said.push(`You paid ${pointCount(payment.pointsAmount)}.`);
    else if (payment.pointsAmount === 0) said.push(`Your card was charged ${payment.cardAmount}.`);
    else said.push(`You paid ${pointCount(payment.pointsAmount)} and your card was charged ${payment.cardAmount}.`);
  }
  if (earned) said.push(`You earned ${pointCount(earned)}.`);
  return said.join(' ');
}

function cancelledSentence({ payment, takenBack }) {
  const were = (n) => (n === 1 ? 'was' : 'were');
  const said = ['Booking cancelled.'];
  if (!payment) said.push('Your points were returned and any card payment refunded.');
  if (payment?.cardAmount) said.push(`Your card was refunded ${payment.cardAmount}.`);
  if (payment?.pointsAmount) said.push(`Your ${pointCount(payment.pointsAmount)} ${were(payment.pointsAmount)} returned.`);
  if (takenBack) said.push(`The ${pointCount(takenBack)} it earned ${were(takenBack)} taken back.`);
  return said.join(' ');
}

/** Follows the booking's saga until it settles, then offers what can be done next. */
function followBooking(screen, reservationId, outcome, message, refreshBalance, cancelling = false) {
  const read = async () => {
    let booking;
    try {
      booking = (await call('GET', `/bookings/${encodeURIComponent(reservationId)}`)).body;
    } catch (error) {
      showProblem(message, error);
      screen.after(BOOKING_POLL_MS * 3, read);
      return;
    }
    const progress = booking.cancellation || booking;
    // a cancellation just asked for may not show in the booking yet: it is running until it does
    const running = progress.status === 'RUNNING' || (cancelling && !booking.cancellation);
    const refused = booking.cancellation && booking.cancellation.status === 'FAILED';
    const settledWithMoney = !running && (booking.status === 'CONFIRMED' || booking.status === 'CANCELLED');
    const figures = settledWithMoney ? await figuresOf(reservationId, message) : {};
    if (screen.left) return;
    const children = [];
    if (cancelling && running) {
      children.push(h('p', { id: 'booking-status', 'data-status': 'RUNNING', text: 'Cancelling: refunding your card and points and releasing the seats…' }));
    } else if (booking.status === 'CONFIRMED') {
      children.push(h('p', { class: 'ok', id: 'booking-status', 'data-status': 'CONFIRMED', text: 'Booking confirmed. Enjoy the show!' }));
    } else if (booking.status === 'FAILED') {
      children.push(h('p', { class: 'alert', id: 'booking-status', 'data-status': 'FAILED', text: outcomeFor(booking.error) }));
    } else if (booking.status === 'CANCELLED') {
      children.push(h('p', { class: 'ok', id: 'booking-status', 'data-status': 'CANCELLED', text: cancelledSentence(figures) }));
    } else {
      children.push(h('p', { id: 'booking-status', 'data-status': 'RUNNING', text: 'Confirming your booking…' }));
    }
    if (booking.status === 'CONFIRMED' && !running) children.push(h('p', { id: 'booking-figures', text: confirmedFigures(figures) }));
    if (refused) {
      children.push(h('p', { class: 'alert', id: 'cancellation-status', 'data-status': 'FAILED',
        text: cancellationRefusedFor(booking.cancellation.error, figures.earned) }));
    }
    children.push(stepList(booking.steps));
    if (booking.cancellation) children.push(h('h2', { text: 'Cancellation' }), stepList(booking.cancellation.steps));
    // a refused cancellation is final: asking again would start nothing
    if (!running && !refused && booking.status === 'CONFIRMED') {
      children.push(h('button', { id: 'cancel-booking', class: 'secondary', text: 'Cancel this booking', onclick: async (event) => {
        event.target.disabled = true;
        document.getElementById('booking-status').replaceWith(h('p', { id: 'booking-status', 'data-status': 'RUNNING', text: 'Cancelling…' }));
        try {
          await call('POST', `/reservations/${encodeURIComponent(reservationId)}/cancellation`);
          followBooking(screen, reservationId, outcome, message, refreshBalance, true);
        } catch (error) {
          showProblem(message, error);
          event.target.disabled = false;
        }
      } }));
    }
    outcome.replaceChildren(...children);
    if (running || booking.status === 'RUNNING') screen.after(BOOKING_POLL_MS, read);
    else refreshBalance();
  };
  read();
}

// ---------- routing ----------

let current = new Screen();

function route(failure) {
  current.leave();
  current = new Screen();
  const who = document.getElementById('who');
  const signedIn = session();
  who.replaceChildren();
  if (!signedIn) {
    signInScreen(failure);
    performance.mark('interactive');
    return;
  }
  who.append(`Signed in as ${signedIn.userId} `, h('button', { class: 'secondary', id: 'sign-out', text: 'Sign out',
    onclick: () => { if (!signOut()) { location.hash = '#/'; route(); } } }));
  const [, name, ...args] = location.hash.replace(/^#/, '').split('/');
  const screens = { queue: waitingRoom, seats: seatMapScreen, checkout: checkoutScreen };
  const render = screens[name] || concertsScreen;
  render(current, ...args.map(decodeURIComponent)).then(() => performance.mark('interactive'), (error) => {
    app.append(h('p', { class: 'alert', role: 'alert', text: error instanceof ApiProblem ? error.message : 'Something went wrong.' }));
  });
}

window.addEventListener('hashchange', () => route());
window.addEventListener('signed-out', () => route());
loadConfig()
  .then(finishHostedSignIn)
  .then(() => route(), (error) => route(error));
