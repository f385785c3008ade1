"""The official HTTP API client cent 5.x (POST /api/<method> with X-API-Key, and batch) against rotor."""
from cent import (
    BatchRequest, BroadcastRequest, ChannelsRequest, Client, DisconnectRequest, HistoryRemoveRequest,
    HistoryRequest, InfoRequest, PresenceRequest, PresenceStatsRequest, PublishRequest, RefreshRequest,
    SubscribeRequest, UnsubscribeRequest,
)
from cent.exceptions import CentApiResponseError, CentUnauthorizedError

from common import API_KEY, API_URL, check

client = Client(API_URL, api_key=API_KEY, timeout=5)
channel = "cent5-channel"

published = client.publish(PublishRequest(channel=channel, data={"n": 1}))
check(published.offset == 1 and published.epoch != "", "cent5 publish")
client.broadcast(BroadcastRequest(channels=[channel, "cent5-other"], data={"n": 2}))
history = client.history(HistoryRequest(channel=channel, limit=10))
check([p.data for p in history.publications] == [{"n": 1}, {"n": 2}], "cent5 broadcast and history")
client.history_remove(HistoryRemoveRequest(channel=channel))
check(client.history(HistoryRequest(channel=channel, limit=10)).publications == [], "cent5 history_remove")
check(client.presence(PresenceRequest(channel=channel)).presence == {}, "cent5 presence")
stats = client.presence_stats(PresenceStatsRequest(channel=channel))
check(stats.num_clients == 0 and stats.num_users == 0, "cent5 presence_stats")
check(client.channels(ChannelsRequest()).channels == {}, "cent5 channels")
info = client.info(InfoRequest())
check(len(info.nodes) == 1, "cent5 info")
client.subscribe(SubscribeRequest(user="nobody", channel=channel))
client.unsubscribe(UnsubscribeRequest(user="nobody", channel=channel))
client.disconnect(DisconnectRequest(user="nobody"))
client.refresh(RefreshRequest(user="nobody", expire_at=4102444800))
check(True, "cent5 subscribe, unsubscribe, disconnect, refresh")
batch = client.batch(BatchRequest(requests=[
    PublishRequest(channel=channel, data={"n": 3}),
    PresenceStatsRequest(channel=channel),
]))
check(len(batch.replies) == 2 and batch.replies[0].offset == 1, "cent5 batch")
try:
    client.publish(PublishRequest(channel="", data={"n": 4}))
    check(False, "cent5 error for an empty channel")
except CentApiResponseError as error:
    check(error.code == 107, f"cent5 error code for an empty channel: {error.code}")
try:
    Client(API_URL, api_key="wrong", timeout=5).info(InfoRequest())
    check(False, "cent5 wrong key refused")
except CentUnauthorizedError:
    check(True, "cent5 wrong key refused (401)")
