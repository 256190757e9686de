"""moto 5.2.5 server with DynamoDB requests applied one at a time, and no cost that grows with the data.

One lock serialises every DynamoDB and DynamoDB Streams request handler; SQS stays concurrent so long
polls do not block the tables. moto runs Python under a GIL, so this costs little throughput, and it
is what makes each patch below correct: nothing else reads or writes a table while a request runs.

TransactWriteItems. Stock moto deep-copies every table a transaction touches (stream shard included)
before it starts and swaps the copies back on cancel. That costs time in proportion to everything ever
written to the table (85 ms per transaction at 1,000 items, 217 ms at 4,000), a cancel could undo a
write committed by another request meanwhile, and a shard iterator kept reading the discarded shard
(phantom records of the cancelled writes, none of the later ones). Here a transaction checks every
condition first and writes nothing unless all pass; then it applies the items one by one through
moto's own put/update/delete, remembering only each touched item and the length of each touched
table's stream. If applying fails midway (an update expression that is invalid for the stored item),
exactly those items are put back and the streams cut back to their lengths, so no record of the
failed transaction remains, and the error has the shape stock moto gives it: validation errors are
re-raised, others become cancellation reasons. Validation, cancellation reasons and their order are
stock moto's (a conformance test runs the same transactions against stock moto). One difference:
when a condition fails, stock moto also applies the passing items before it cancels, so an update
that is itself invalid there answers with that validation error; here the cancellation comes first.

Queries. Stock moto sorts every item of the table for each Query, deep-copies every item it answers with, and a query on a secondary index
compares every item with the key condition. Here each index keeps its items grouped by index hash
key (built at the first query of the index, kept current by every put, update, delete and rolled
back transaction item), and a query hands moto's own sorting, paging and filtering only the items
of the queried hash key: base-table queries read that partition directly. Requests that change
items through paths not audited here (PartiQL, restores, imports, ...) drop the groupings; the next
query rebuilds them.

Stream iterators. Each GetRecords registers a new iterator (its NextShardIterator) and stock moto
keeps all of them forever: about 2 kB per read, one or two reads per poll and table. AWS expires
iterators 15 minutes after they are issued; so does this launcher, and it keeps at most the newest
10,000 (the local pollers take a fresh iterator per read and use it at once). A dropped iterator
answers ExpiredIteratorException, as on AWS.

Model instances. moto appends every model object it ever creates to a per-class list, for its
dashboard (/moto-api/data.json), until the next reset: each stored, copied or returned DynamoDB item,
stream record, shard iterator and SQS message, also long after it was overwritten, deleted or
received. Objects of those services are not listed here, so they are freed when dropped; the
dashboard no longer shows them.

Per request. moto finds the backend of every request by listing its own package folder (about 200
stat calls) and matching URL patterns, and werkzeug logs a line per request through one locked
handler: together about a fifth of the server's time under load (profiled with py-spy during
`scripts/bench crowd`). A host's backend never changes, so it is looked up once; request lines are
not logged (warnings and errors still are). Answers of the item operations (GetItem, Query, Scan, the
batch and transactional reads and writes, Put/Update/DeleteItem) are already DynamoDB JSON once moto
has built them, yet its generic serializer walks every attribute value against the service model:
about 0.1 ms per value, a third of the server's time under the crowd and most of a 60,000-seat read.
They are written with json.dumps instead (binary values base64-encoded, absent members left out, as
the serializer does); anything else, errors included, goes through moto's serializer
(`MotoLauncherConformanceIT` compares the answers with stock moto's for every attribute type).

SQS queues. A queue's attributes were computed whole, three approximate message counts included
(each a pass over every message, reading the clock per message), whenever any one attribute was
read: on every send (to look up ContentBasedDeduplication) and on every received message (its
retention period), three times per named attribute. With 10,000 QUEUE_ACTIVATED waiting for a
consumer that took 70 % of the server's time (py-spy, `scripts/bench crowd`). Here attributes are
computed when read, one by one, and the visible messages are found with one clock reading. A
delete looked at every message twice (calling a method per message) to find the one with its
receipt handle; here it stops at that message, usually among the first (the oldest are received first).

What still grows: stream records are never trimmed (AWS trims after 24 hours); reads cost the same
however long the shard is, so that is memory only. Scan and DescribeTable's item count read every
item, as their answers depend on every item.
"""
import base64
import collections
import collections.abc
import copy
import inspect
import json
import logging
import re
import sys
import threading
import time

from moto.core.common_models import BaseModel
from moto.core.exceptions import JsonRESTError
from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import (
    ConditionalCheckFailed,
    MockValidationException,
    MultipleTransactionsException,
    TooManyTransactionsException,
    TransactionCanceledException,
    TransactWriteSingleOpException,
)
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item
from moto.dynamodb.models import table as moto_table_module
from moto.dynamodb.models.table import Table
from moto.dynamodb.responses import DynamoHandler, DynamoResult
from moto.dynamodbstreams.models import DynamoDBStreamsBackend
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from moto.core.utils import camelcase_to_underscores, unix_time_millis
from moto.server import main
from moto.sqs.exceptions import ReceiptHandleIsInvalid
from moto.sqs.models import Queue as SqsQueue, SQSBackend

_lock = threading.RLock()


def _serialized(call_action):
    def call(self):
        with _lock:
            return call_action(self)
    return call


# ---------------------------------------------------------------- items grouped by index hash key

_GROUPS = "_ticketflow_groups_by_index"
_MISSING = object()

# Requests whose item changes all go through the hooks below (or change no item).
_AUDITED_ACTIONS = {
    "GetItem", "BatchGetItem", "TransactGetItems", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem",
    "BatchWriteItem", "TransactWriteItems", "CreateTable", "DeleteTable", "DescribeTable", "ListTables",
    "DescribeTimeToLive", "UpdateTimeToLive", "DescribeContinuousBackups", "ListTagsOfResource",
    "TagResource", "UntagResource", "DescribeEndpoints", "DescribeLimits",
}


def _item_at(table, primary_key):
    hash_key, range_key = primary_key
    stored = table.items.get(hash_key)
    if table.range_key_attr is None:
        return stored
    return None if stored is None else stored.get(range_key)


def _every_item(table):
    for stored in table.items.values():
        if table.range_key_attr is None:
            yield stored
        else:
            yield from stored.values()


class _Groups:
    """One index's items by the values of its hash key attributes."""

    def __init__(self, hash_attrs, items):
        self.hash_attrs = hash_attrs
        self.by_value = {}
        self.value_of = {}
        # Items whose key value cannot be a dict key: always handed to moto, which decides.
        self.unhashable = {}
        for item in items:
            self.place((item.hash_key, item.range_key), item)

    def place(self, primary_key, item):
        old = self.value_of.pop(primary_key, _MISSING)
        if old is not _MISSING:
            group = self.by_value[old]
            del group[primary_key]
            if not group:
                del self.by_value[old]
        self.unhashable.pop(primary_key, None)
        if item is None:
            return
        value = tuple(item.attrs.get(attr) for attr in self.hash_attrs)
        # moto's index query skips an item lacking any index hash attribute: a sparse index.
        if any(part is None for part in value):
            return
        try:
            self.by_value.setdefault(value, {})[primary_key] = item
        except TypeError:
            self.unhashable[primary_key] = item
            return
        self.value_of[primary_key] = value

    def candidates(self, value):
        group = self.by_value.get(value, {})
        return list(group.values()) + list(self.unhashable.values())


def _hash_attrs(index):
    return tuple(key["AttributeName"] for key in index.schema if key["KeyType"] == "HASH")


def _groups(table, index):
    by_index = table.__dict__.setdefault(_GROUPS, {})
    hash_attrs = _hash_attrs(index)
    groups = by_index.get(index.name)
    if groups is None or groups.hash_attrs != hash_attrs:
        groups = _Groups(hash_attrs, list(_every_item(table)))
        by_index[index.name] = groups
    return groups


def _regroup(table, primary_key):
    by_index = table.__dict__.get(_GROUPS)
    if by_index:
        item = _item_at(table, primary_key)
        for groups in by_index.values():
            groups.place(primary_key, item)


def _forget_groups(backend):
    for table in backend.tables.values():
        table.__dict__.pop(_GROUPS, None)


def _sort_like_all_items(items):
    return sorted(items, key=lambda x: (x.hash_key, x.range_key) if x.range_key else x.hash_key)


def _narrowed_query(query):
    signature = inspect.signature(query)

    def run(self, *args, **kwargs):
        _QueryCopies.answering = True
        try:
            return narrowed(self, *args, **kwargs)
        finally:
            _QueryCopies.answering = False

    def narrowed(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs).arguments
        candidates = _query_candidates(self, bound.get("hash_key"), bound.get("index_name"),
                                       bound.get("hash_key_conditions"))
        if candidates is None:
            return query(self, *args, **kwargs)
        # moto's query takes its candidates from all_items(); everything after that is moto's own.
        self.all_items = lambda: candidates
        try:
            return query(self, *args, **kwargs)
        finally:
            del self.all_items
    return run


class _QueryCopies:
    """
    Stands for the copy module inside moto's table.py. A query deep-copies every item it answers with before
    projecting and filtering, which only build new items; the answer is then read, never changed. For a seat
    map (50 blocks of 100 seats) the copies were half of the query's cost, so a query's list of items is
    passed on as it is; every other deep copy is copy.deepcopy's.
    """

    answering = False

    def __getattr__(self, name):
        return getattr(copy, name)

    def deepcopy(self, value, memo=None):
        if _QueryCopies.answering and isinstance(value, list) and all(isinstance(item, Item) for item in value):
            return list(value)
        return copy.deepcopy(value, memo)


def _query_candidates(table, hash_key, index_name, hash_key_conditions):
    """The items that can match (a superset of moto's own candidates), or None when not narrowed."""
    if not index_name:
        if hash_key is None:
            return None
        stored = table.items.get(hash_key)
        if stored is None:
            return []
        return [stored] if table.range_key_attr is None else _sort_like_all_items(stored.values())
    index = next((i for i in table.all_indexes() if i.name == index_name), None)
    conditions = dict(hash_key_conditions or [])
    if index is None or set(conditions) != set(_hash_attrs(index)):
        return None
    groups = _groups(table, index)
    return _sort_like_all_items(groups.candidates(tuple(conditions[attr] for attr in groups.hash_attrs)))


def _regrouping_put(put_item):
    def put(self, *args, **kwargs):
        item = put_item(self, *args, **kwargs)
        _regroup(self, (item.hash_key, item.range_key))
        return item
    return put


def _regrouping_delete(delete_item):
    def delete(self, *args, **kwargs):
        item = delete_item(self, *args, **kwargs)
        if item is not None:
            _regroup(self, (item.hash_key, item.range_key))
        return item
    return delete


def _update_key(table, key):
    """The primary key moto's update_item derives from its Key parameter, None where it would fail."""
    try:
        if table.hash_key_attr in key and table.range_key_attr in key:
            return DynamoType(key[table.hash_key_attr]), DynamoType(key[table.range_key_attr])
        if table.hash_key_attr in key:
            return DynamoType(key[table.hash_key_attr]), None
    except Exception:
        return None
    return None


def _regrouping_update(update_item):
    signature = inspect.signature(update_item)

    def update(self, *args, **kwargs):
        try:
            return update_item(self, *args, **kwargs)
        finally:
            # Also after an error: moto changes the stored item in place, possibly before failing.
            bound = signature.bind(self, *args, **kwargs).arguments
            table = self.tables.get(bound["table_name"])
            primary_key = None if table is None else _update_key(table, bound["key"])
            if primary_key is not None:
                _regroup(table, primary_key)
    return update


def _absent_partition_is_absent(get_item):
    """Stock get_item inserts an empty partition for every missing hash key it is asked about."""
    def get(self, hash_key, range_key=None, projection_expression=None):
        if range_key and hash_key not in self.items:
            return None
        return get_item(self, hash_key, range_key, projection_expression)
    return get


def _forgetting_unaudited(call_action):
    def call(self):
        try:
            return call_action(self)
        finally:
            try:
                action = self._get_action()
            except Exception:
                action = None
            if action not in _AUDITED_ACTIONS:
                _forget_groups(self.dynamodb_backend)
    return call


# ---------------------------------------------------------------- model instances are not kept forever

_UNLISTED_MODULES = ("moto.dynamodb", "moto.dynamodbstreams", "moto.sqs")


def _create_model(cls, *args, **kwargs):
    instance = super(BaseModel, cls).__new__(cls)
    if not cls.__module__.startswith(_UNLISTED_MODULES):
        cls.instances_tracked.append(instance)
    return instance


# ---------------------------------------------------------------- TransactWriteItems: check, then apply

def _transact_write_items(self, transact_items):
    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    writes = _check(self, transact_items)
    _apply(self, writes, len(transact_items))


def _check(backend, transact_items):
    """Stock moto's validation and condition checks, in its order, with nothing written.

    Returns (position, op_type, op, table_name, key) per item that writes; raises what stock moto raises.
    """
    targets = set()
    errors = []
    writes = []
    for position, item in enumerate(transact_items):
        original_item = None
        if len(list(item.keys())) > 1:
            raise TransactWriteSingleOpException
        try:
            op_type, op = next(iter(item.items()))
            if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                raise ValueError("Unsupported transaction operation")
            table_name = op["TableName"]
            if op_type == "Put":
                attrs = op["Item"]
                table = backend.get_table(table_name)
                key = {table.hash_key_attr: attrs[table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = attrs[table.range_key_attr]
            else:
                key = op["Key"]
            target = (str(table_name), str(dict(sorted(key.items()))))
            if target in targets:
                raise MultipleTransactionsException()
            targets.add(target)

            current = backend.get_item(table_name, key)
            condition_expression = op.get("ConditionExpression")
            if condition_expression is not None:
                condition = get_filter_expression(condition_expression, op.get("ExpressionAttributeNames"),
                                                  op.get("ExpressionAttributeValues"))
                if not condition.expr(current):
                    if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                        original_item = current.to_json()["Attributes"]
                    raise ConditionalCheckFailed(item=original_item)
            errors.append((None, None, None))
            if op_type != "ConditionCheck":
                writes.append((position, op_type, op, table_name, key))
        except (MultipleTransactionsException, MockValidationException):
            raise
        except ConditionalCheckFailed as e:
            errors.append(("ConditionalCheckFailed", str(e.message), original_item))
        except Exception as e:
            errors.append((type(e).__name__, str(e), original_item))
    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)
    return writes


def _apply(backend, writes, item_count):
    undo = _Undo(backend)
    # Every condition passed, so an item is only reported if writing it fails (stock moto goes on
    # with the next items and reports each failure at its position).
    errors = [(None, None, None)] * item_count
    try:
        for position, op_type, op, table_name, key in writes:
            try:
                undo.remember(table_name, key)
                _write(backend, op_type, op, table_name, key)
            except MockValidationException:
                raise
            except Exception as e:
                errors[position] = (type(e).__name__, str(e), None)
    except BaseException:
        undo.restore()
        raise
    if any(code is not None for code, _, _ in errors):
        undo.restore()
        raise TransactionCanceledException(errors)


def _write(backend, op_type, op, table_name, key):
    names = op.get("ExpressionAttributeNames")
    values = op.get("ExpressionAttributeValues")
    condition = op.get("ConditionExpression")
    if op_type == "Put":
        backend.put_item(table_name, op["Item"], condition_expression=condition,
                         expression_attribute_names=names, expression_attribute_values=values)
    elif op_type == "Delete":
        backend.delete_item(table_name, key, condition_expression=condition,
                            expression_attribute_names=names, expression_attribute_values=values)
    else:
        backend.update_item(table_name, key, update_expression=op["UpdateExpression"],
                            condition_expression=condition, expression_attribute_names=names,
                            expression_attribute_values=values)


class _Undo:
    """What a transaction changed: the touched items as they were, and each touched stream's length."""

    def __init__(self, backend):
        self.backend = backend
        self.items = []
        self.stream_lengths = {}

    def remember(self, table_name, key):
        table = self.backend.get_table(table_name)
        primary_key = self.backend.get_keys_value(table, key)
        if table.range_key_attr is None:
            primary_key = (primary_key[0], None)
        had_partition = primary_key[0] in table.items
        self.items.append((table, primary_key, had_partition, copy.deepcopy(_item_at(table, primary_key))))
        if table.stream_shard is not None and id(table) not in self.stream_lengths:
            self.stream_lengths[id(table)] = (table.stream_shard, len(table.stream_shard.items))

    def restore(self):
        for table, (hash_key, range_key), had_partition, before in reversed(self.items):
            if table.range_key_attr is None:
                if before is None:
                    table.items.pop(hash_key, None)
                else:
                    table.items[hash_key] = before
            else:
                partition = table.items.get(hash_key)
                if before is not None:
                    table.items[hash_key][range_key] = before
                elif partition is not None:
                    partition.pop(range_key, None)
                    if not partition and not had_partition:
                        del table.items[hash_key]
            _regroup(table, (hash_key, range_key))
        for shard, length in self.stream_lengths.values():
            del shard.items[length:]


# ---------------------------------------------------------------- stream iterators expire

_ITERATOR_LIFETIME_SECONDS = 15 * 60
_ITERATORS_KEPT = 10_000


class _ExpiringIterators(dict):
    """Shard iterators by ARN, dropped 15 minutes after issue or when 10,000 newer ones exist."""

    def __init__(self):
        super().__init__()
        self._issued = collections.deque()

    def __setitem__(self, arn, iterator):
        now = time.monotonic()
        super().__setitem__(arn, iterator)
        self._issued.append((now, arn))
        while self._issued and (len(self._issued) > _ITERATORS_KEPT
                                or now - self._issued[0][0] > _ITERATOR_LIFETIME_SECONDS):
            self.pop(self._issued.popleft()[1], None)


def _expiring_iterators(init):
    def create(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.shard_iterators = _ExpiringIterators()
    return create


def _expired_when_unknown(get_records):
    def read(self, iterator_arn, limit):
        if iterator_arn not in self.shard_iterators:
            raise JsonRESTError("ExpiredIteratorException",
                                "Iterator expired or unknown: shard iterators are valid for 15 minutes")
        return get_records(self, iterator_arn, limit)
    return read


DynamoDBStreamsBackend.__init__ = _expiring_iterators(DynamoDBStreamsBackend.__init__)
DynamoDBStreamsBackend.get_records = _expired_when_unknown(DynamoDBStreamsBackend.get_records)
BaseModel.__new__ = staticmethod(_create_model)
DynamoDBBackend.transact_write_items = _transact_write_items
DynamoDBBackend.update_item = _regrouping_update(DynamoDBBackend.update_item)
Table.put_item = _regrouping_put(Table.put_item)
Table.delete_item = _regrouping_delete(Table.delete_item)
Table.get_item = _absent_partition_is_absent(Table.get_item)
Table.query = _narrowed_query(Table.query)
moto_table_module.copy = _QueryCopies()
DynamoHandler.call_action = _serialized(_forgetting_unaudited(DynamoHandler.call_action))
DynamoDBStreamsHandler.call_action = _serialized(DynamoDBStreamsHandler.call_action)

_ITEM_OPERATIONS = frozenset({
    "GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem",
    "BatchWriteItem", "TransactGetItems", "TransactWriteItems",
})


class _NotPlainJson(Exception):
    pass


def _wire(value):
    if isinstance(value, dict):
        return {key: _wire(member) for key, member in value.items() if member is not None}
    if isinstance(value, list):
        return [_wire(member) for member in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise _NotPlainJson(type(value).__name__)


def _plain_json_answers(execute_result):
    def execute(self, context):
        if context.operation_model.name in _ITEM_OPERATIONS and isinstance(self.result, dict):
            try:
                body = json.dumps(_wire(self.result), separators=(",", ":"))
            except _NotPlainJson:
                return execute_result(self, context)
            return 200, {"Content-Type": "application/x-amz-json-1.0"}, body
        return execute_result(self, context)
    return execute


DynamoResult.execute_result = _plain_json_answers(DynamoResult.execute_result)

class _QueueAttributes(collections.abc.Mapping):
    """Queue.attributes with the same keys and values, each computed when it is read."""

    def __init__(self, queue):
        self._queue = queue
        names = list(queue.BASE_ATTRIBUTES)
        if queue.fifo_queue:
            names += queue.FIFO_ATTRIBUTES
        if queue.kms_master_key_id:
            names += queue.KMS_ATTRIBUTES
        self._names = names

    def __getitem__(self, name):
        if name not in self._names:
            raise KeyError(name)
        queue = self._queue
        if name == "RedrivePolicy" and queue.redrive_policy:
            value = json.dumps(queue.redrive_policy)
        else:
            value = getattr(queue, camelcase_to_underscores(name))
        return str(value).lower() if isinstance(value, bool) else value

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)


def _visible_messages(self):
    now = unix_time_millis()
    return [message for message in self._messages if now > message.visible_at and not now < message.delayed_until]


def _plain_dict(get_queue_attributes):
    # the answer goes to moto's serializer, which expects a dict
    def get(self, queue_name, attribute_names):
        return dict(get_queue_attributes(self, queue_name, attribute_names))
    return get


def _delete_message(self, receipt_handle):
    if receipt_handle in self.deleted_messages:
        return
    for index, message in enumerate(self._messages):
        if message.receipt_handle == receipt_handle or receipt_handle in message._old_receipt_handles:
            # a new list, as stock moto builds: a receive iterating the old one is not disturbed
            self._messages = self._messages[:index] + self._messages[index + 1:]
            self.pending_messages.discard(message)
            self.deleted_messages.update(message.all_receipt_handles)
            return
    raise ReceiptHandleIsInvalid()


SqsQueue.delete_message = _delete_message
SqsQueue.attributes = property(_QueueAttributes)
SqsQueue.messages = property(_visible_messages)
SQSBackend.get_queue_attributes = _plain_dict(SQSBackend.get_queue_attributes)

_backend_of_host = {}


def _remembered_backend(get_backend_for_host):
    def get(self, host):
        if host is None:
            return None
        if host not in _backend_of_host:
            _backend_of_host[host] = get_backend_for_host(self, host)
        return _backend_of_host[host]
    return get


DomainDispatcherApplication.get_backend_for_host = _remembered_backend(DomainDispatcherApplication.get_backend_for_host)
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
