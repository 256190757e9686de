// Every problem type the API documents, as a sentence a fan understands. A fan never sees a bare status code.
const SENTENCES = {
  'admission-pass-expired': 'Your turn to book has ended. Join the line again to book.',
  'admission-pass-for-another-concert': 'Your turn is for another concert. Join this concert’s line first.',
  'admission-pass-invalid': 'We could not confirm your turn. Please join the line again.',
  'admission-pass-missing': 'Join the line first: booking opens when it is your turn.',
  'admission-pass-of-another-user': 'This turn belongs to someone else. Please join the line yourself.',
  'admission-pass-revoked': 'Your turn has ended. Join the line again to book.',
  'booking-not-found': 'We could not find that booking.',
  'booking-not-started': 'We could not start your booking, so the seats were not held. Please try again.',
  'cancellation-closed': 'This show starts within a day, so the booking can no longer be cancelled.',
  'charge-amount-out-of-range': 'That top-up amount is not allowed. Choose a smaller positive amount.',
  'charge-request-id-reused': 'That top-up was already made with other details.',
  conflict: 'Someone else changed this at the same moment. Please try again.',
  'hold-already-pending': 'You already hold seats. Pay for them or give them back before holding others.',
  'hold-expired': 'Your hold has expired and the seats were released. Pick your seats again.',
  'earned-points-spent': cancellationRefusedFor('EarnedPointsSpent'),
  'idempotency-key-missing': 'The payment could not be sent safely. Please try again.',
  'idempotency-key-reused': 'This payment was already sent for another booking. Please reload the page.',
  'insufficient-scope': 'Your account is not allowed to do that.',
  internal: 'Something went wrong on our side. Please try again in a moment.',
  'invalid-payment-split': 'The points to use must be between 0 and the price, and a card must pay the rest. Please check them and pay again.',
  'invalid-request': 'Some of the details are not valid. Please check them and try again.',
  'malformed-request': 'The request could not be read. Please reload the page.',
  'not-awaiting-payment': 'This booking is not waiting for a payment any more.',
  'payment-not-found': 'We could not find that payment.',
  'payment-not-open': 'Your booking is still being set up. We will try again in a moment.',
  'queue-closed': 'The line for this concert is closed.',
  'queue-token-not-found': 'We could not find your place in line. Please join again.',
  'queue-token-of-another-user': 'That place in line belongs to someone else.',
  'queue-token-waiting': 'It is not your turn yet. Please wait in line.',
  'reservation-not-confirmed': 'Only a confirmed booking can be cancelled.',
  'reservation-not-found': 'We could not find that reservation.',
  'reservation-not-pending': 'This hold is no longer open.',
  'seat-limit-reached': 'You have reached the number of seats one fan may book for this show.',
  'service-busy': 'Many fans are booking right now. Please try again in a moment.',
  'seat-unavailable': 'Sorry, that seat was just taken. The map now shows who has what.',
  'too-many-seats': 'You can hold at most 4 seats at once.',
  unauthenticated: 'Please sign in again.',
  'unknown-concert': 'We could not find that concert.',
  'unknown-schedule': 'We could not find that show.',
  'unknown-seat': 'One of those seats does not exist.',
  'sign-in-unavailable': 'Sign-in is not available here.',
  'sign-in-refused': 'Sign-in failed. Please try again.',
  'sign-in-state-mismatch': 'That sign-in was not started on this page. Please sign in again.',
  network: 'We could not reach the server. Check your connection; we will keep trying.',
};

const BY_STATUS = {
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  429: 'Many fans are here right now. We will try again shortly.',
};

/** @param {{type?: string, status?: number}} problem */
export function sentenceFor(problem) {
  const kind = (problem.type || '').split('/').pop();
  return SENTENCES[kind] || BY_STATUS[problem.status] || 'Something went wrong on our side. Please try again in a moment.';
}

/** The saga's failure names (a FAILED booking's "error"), for the fan. */
const OUTCOMES = {
  InsufficientPoints: 'You did not have enough points. Nothing was taken from your balance, the payment was cancelled and the seats were released.',
  PaymentFailed: 'Your card was declined, or the card provider did not answer. Nothing was charged, no points were taken and the seats were released; you keep your place in line.',
  ConfirmationFailed: 'We could not confirm the seats. Your points were refunded and the seats were released.',
  CaptureFailed: 'We could not charge your card. Your points were refunded, the card was not charged and the seats were released.',
  HoldExpired: 'Your hold expired before payment, so the seats were released.',
  CompensationFailed: 'Something went wrong and we are fixing it. Our team has been told; your points will be refunded.',
};

export function outcomeFor(error) {
  return OUTCOMES[error] || 'The booking did not go through. Nothing was charged.';
}

export function pointCount(n) {
  return `${n} point${n === 1 ? '' : 's'}`;
}

/** A cancellation saga's failure name (the booking stays confirmed), for the fan; `earned` only when it is known. */
export function cancellationRefusedFor(error, earned) {
  if (error === 'EarnedPointsSpent') {
    return `You have already spent the ${earned ? pointCount(earned) : 'points'} this booking earned, `
      + 'so it can’t be cancelled. Nothing was refunded and your booking stays confirmed.';
  }
  return 'We could not finish cancelling this booking. Our team has been told and will sort it out.';
}

/** The saga's steps, named for a fan; the compensations say what they undid. */
const STEPS = {
  AwaitPayment: 'Seats held',
  AuthorisePayment: 'Payment authorised',
  DeductPoints: 'Points deducted',
  ConfirmReservation: 'Seats confirmed',
  CapturePayment: 'Card charged',
  EarnPoints: 'Points earned',
  ExpireQueueToken: 'Turn in line used',
  BookingConfirmed: 'Booking confirmed',
  ReleaseExpiredHold: 'Hold released',
  ExpireUnusedQueueToken: 'Turn in line ended',
  HoldExpired: 'Hold expired',
  CancelPaymentAfterAuthorisationFailure: 'Card authorisation released',
  ReleaseSeatsAfterPaymentFailure: 'Seats released',
  RestoreQueueToken: 'Place in line given back',
  PaymentFailed: 'Payment failed',
  RefundPointsAfterDeductionFailure: 'Points refunded (nothing was taken)',
  CancelPaymentAfterDeductionFailure: 'Payment cancelled',
  ReleaseSeatsAfterDeductionFailure: 'Seats released',
  InsufficientPoints: 'Not enough points',
  RefundPointsAfterConfirmationFailure: 'Points refunded',
  CancelPaymentAfterConfirmationFailure: 'Payment cancelled',
  ReleaseSeatsAfterConfirmationFailure: 'Seats released',
  ConfirmationFailed: 'Confirmation failed',
  RefundPointsAfterCaptureFailure: 'Points refunded',
  CancelPaymentAfterCaptureFailure: 'Card authorisation released',
  ReleaseSeatsAfterCaptureFailure: 'Seats released',
  CaptureFailed: 'Card could not be charged',
  TakeBackEarnedPoints: 'Earned points taken back',
  RefundPoints: 'Points refunded',
  CancelPayment: 'Card refunded',
  ReleaseSeats: 'Seats released',
  BookingCancelled: 'Booking cancelled',
  EarnedPointsSpent: 'Not cancelled: the points it earned are spent',
  ReportStuckBooking: 'Reported to our team',
  CompensationFailed: 'Needs our team',
};

export function stepLabel(name) {
  return STEPS[name] || name;
}

/** A refusal (or an unreachable server) as the page shows it: the problem's type and its sentence. */
export class ApiProblem extends Error {
  /** @param {{type?: string, title?: string, status: number, detail?: string}} problem */
  constructor(problem, retryAfterSeconds) {
    super(sentenceFor(problem));
    this.type = problem.type || '';
    this.status = problem.status;
    this.detail = problem.detail || '';
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The last segment of the problem type, e.g. "seat-unavailable". */
  get kind() {
    return this.type.split('/').pop();
  }
}
