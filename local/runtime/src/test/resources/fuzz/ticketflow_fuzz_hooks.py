"""Schemathesis hooks of ApiFuzzIT: steer part of the generated requests onto the local runtime's demo data.

A random concert id never opens a queue and a random schedule never has the seat asked for, so without these the
stateful phase would stop at the first 404. Each hook edits a request just before it is sent; schemathesis then
re-checks whether the edited request still fits the schema, so its positive/negative expectations stay right.
Nothing here touches a value that makes a request invalid: those go out as generated.
"""

import json
import os
import re
import time
import zlib

import schemathesis
from ticketflow_client import jwt_claims, queue_work  # scripts/, on PYTHONPATH (Schemathesis.java)

# {"fuzz-1": {"schedule": "fuzz-1-1", "seats": 40}, ...}: concerts published for the run, their queues open
CONCERTS = json.loads(os.environ["TICKETFLOW_FUZZ_CONCERTS"])
# the next seat each concert's holds start at: holds last, so asking for the same few seats again only meets 409s
NEXT_SEAT = {concert_id: 0 for concert_id in CONCERTS}
NAME = re.compile(r"[^#]*[^#\s][^#]*\Z")
SERVER_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
PLAIN_ID = re.compile(r"[A-Za-z0-9._~-]{1,64}\Z")
WORK_SHAPE = re.compile(r"[0-9]{1,19}\.[0-9]{1,20}\Z")
INT32 = range(-(2**31), 2**31)
# how long a hold's booking saga takes to reach its AwaitPayment step locally (a first POST /payments before that
# answers that nothing awaits a payment yet)
SAGA_AT_AWAIT_PAYMENT = 0.5
# the local runtime's proof-of-work difficulty (LocalRuntime.LOCAL_WORK_DIFFICULTY)
WORK_DIFFICULTY = 8


def _stable(value):
    """A hash that is the same in every run (Python's own is salted per process), so a seed replays a run."""
    return zlib.crc32(repr(value).encode())


def _header(case, name):
    for key, value in (case.headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def _pass_concert(compact_pass):
    """The concert (`aud`) a compact admission pass admits to; None when it is not a readable JWS."""
    return (jwt_claims(compact_pass) or {}).get("aud")


@schemathesis.hook
def before_call(context, case, kwargs):
    label = case.operation.label
    if label == "POST /concerts/{concertId}/queue-tokens":
        _enter_an_open_queue(case)
    elif label == "POST /reservations":
        _hold_seats_of_the_pass_concert(case)
    elif label == "POST /payments":
        _let_the_saga_await_payment(case)
    elif label == "POST /admin/concerts":
        _unique_schedule_ids(case)
        _sections_in_seat_order(case)


def _enter_an_open_queue(case):
    concert_id = (case.path_parameters or {}).get("concertId")
    # three in four valid ids are sent to an open queue; the rest, and every invalid one, go out as generated
    if isinstance(concert_id, str) and NAME.match(concert_id) and len(concert_id) <= 64 and _stable(concert_id) % 4:
        concerts = sorted(CONCERTS)
        case.path_parameters["concertId"] = concerts[_stable(concert_id) % len(concerts)]
        _solve_the_work(case)
    elif isinstance(concert_id, str) and WORK_SHAPE.match(str(_header(case, "X-Queue-Work") or "")):
        # a schema-valid header to a concert as generated (it may exist: the examples name one): no schema can say
        # "hashes to zero bits now", so a valid-shaped value is made one that checks out and 404/409 decide. The work
        # hashes the id the server decodes from the path, so an id of odd characters becomes a plain unknown one.
        if not PLAIN_ID.match(concert_id):
            case.path_parameters["concertId"] = f"fuzz-unknown-{_stable(concert_id)}"
        _solve_the_work(case)


def _solve_the_work(case):
    """A generated X-Queue-Work never checks out: a browser solves it, so do the steered enters (ProofOfWork's rule)."""
    # the run's bearer goes out as a --header, which a hook never sees on the case
    user_id = _bearer_subject(_header(case, "Authorization") or "Bearer " + os.environ.get("TICKETFLOW_FUZZ_BEARER", ""))
    if user_id is None or _header(case, "X-Queue-Work") is None:
        return  # no header is a request the schema calls invalid: it goes out as generated
    work = queue_work(case.path_parameters["concertId"], user_id, WORK_DIFFICULTY)
    for key in [key for key in case.headers if key.lower() == "x-queue-work"]:
        del case.headers[key]
    case.headers["X-Queue-Work"] = work


def _bearer_subject(authorization):
    token = authorization.split(" ", 1)[1] if isinstance(authorization, str) and " " in authorization else None
    return (jwt_claims(token) or {}).get("sub")


def _hold_seats_of_the_pass_concert(case):
    concert_id = _pass_concert(_header(case, "X-Admission-Pass"))
    body = case.body
    if concert_id not in CONCERTS or not isinstance(body, dict):
        return
    concert = CONCERTS[concert_id]
    schedule_id = body.get("scheduleId")
    if isinstance(schedule_id, str) and NAME.match(schedule_id) and len(schedule_id) <= 64:
        body["scheduleId"] = concert["schedule"]
    seat_nos = body.get("seatNos")
    # a valid list (1 to 4 distinct int32) becomes as many seats not asked for yet; an invalid one goes out as it is
    if (isinstance(seat_nos, list) and 1 <= len(seat_nos) <= 4 and len(set(map(repr, seat_nos))) == len(seat_nos)
            and all(type(n) is int and n in INT32 for n in seat_nos)):
        first = NEXT_SEAT[concert_id]
        NEXT_SEAT[concert_id] = (first + len(seat_nos)) % concert["seats"]
        body["seatNos"] = [1 + (first + i) % concert["seats"] for i in range(len(seat_nos))]


def _let_the_saga_await_payment(case):
    body = case.body
    reservation_id = body.get("reservationId") if isinstance(body, dict) else None
    if isinstance(reservation_id, str) and SERVER_ID.match(reservation_id):
        time.sleep(SAGA_AT_AWAIT_PAYMENT)


def _unique_schedule_ids(case):
    """Schedule ids must be unique within a concert, which the document says in words: JSON Schema cannot say it.

    A repeated id is renamed (kept valid: no '#', at most 64 characters) so the request stays one the schema and the
    document both call valid; a request invalid for any other reason keeps that reason.
    """
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("schedules"), list):
        return
    seen = set()
    for index, schedule in enumerate(body["schedules"]):
        if not isinstance(schedule, dict) or not isinstance(schedule.get("scheduleId"), str):
            continue
        schedule_id = schedule["scheduleId"]
        if schedule_id in seen:
            schedule_id = (schedule_id[:56] + "-" + str(index))
            schedule["scheduleId"] = schedule_id
        seen.add(schedule_id)


def _sections_in_seat_order(case):
    """A section runs from firstSeat up to lastSeat, which the document says in words: JSON Schema cannot compare
    two fields. A section given backwards is turned round; every other value goes out as generated."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("schedules"), list):
        return
    for schedule in body["schedules"]:
        sections = schedule.get("sections") if isinstance(schedule, dict) else None
        for section in sections if isinstance(sections, list) else []:
            if not isinstance(section, dict):
                continue
            first, last = section.get("firstSeat"), section.get("lastSeat")
            if type(first) is int and type(last) is int and last < first:
                section["firstSeat"], section["lastSeat"] = last, first
