"""moto server with DynamoDB requests applied one at a time.

moto 5.2.5 deep-copies every table a TransactWriteItems touches and, when the transaction is
cancelled, puts the copies back. A transaction cancelled while another request commits to the same
table therefore undoes that commit: a lost write no real DynamoDB would allow. Serialising the
DynamoDB (and DynamoDB Streams) handlers removes the race; SQS stays concurrent so long polls do not
block the tables. moto runs Python under a GIL, so this costs little throughput.
"""
import re
import sys
import threading

from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from moto.server import main

_lock = threading.RLock()


def _serialized(call_action):
    def call(self):
        with _lock:
            return call_action(self)
    return call


DynamoHandler.call_action = _serialized(DynamoHandler.call_action)
DynamoDBStreamsHandler.call_action = _serialized(DynamoDBStreamsHandler.call_action)

if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
