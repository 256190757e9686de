"""moto server with DynamoDB requests applied one at a time.

moto 5.2.5 deep-copies every table a TransactWriteItems touches and, when the transaction is
cancelled, puts the copies back. A transaction cancelled while another request commits to the same
table therefore undoes that commit: a lost write no real DynamoDB would allow. Serialising the
DynamoDB (and DynamoDB Streams) handlers removes the race; SQS stays concurrent so long polls do not
block the tables. moto runs Python under a GIL, so this costs little throughput.

The rollback swaps whole table objects, stream shard included, while a shard iterator keeps the shard
object it was made from. An iterator taken before a cancelled transaction therefore read the discarded
shard: the stream records of the cancelled writes (phantom changes) and none of the later ones, whose
sequence numbers then repeat the phantoms'. Each read here goes to the table's current shard.
"""
import re
import sys
import threading

from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.models import ShardIterator
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from moto.server import main

_lock = threading.RLock()


def _serialized(call_action):
    def call(self):
        with _lock:
            return call_action(self)
    return call


def _current_shard(get):
    def read(self, *args, **kwargs):
        current = self.streams_backend.dynamodb.tables.get(self.stream_shard.table.name)
        if current is not None and current.stream_shard is not None:
            self.stream_shard = current.stream_shard
        return get(self, *args, **kwargs)
    return read


ShardIterator.get = _current_shard(ShardIterator.get)
DynamoHandler.call_action = _serialized(DynamoHandler.call_action)
DynamoDBStreamsHandler.call_action = _serialized(DynamoDBStreamsHandler.call_action)

if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
