"""The official HTTP API client cent 4.x (POST /api) against rotor: every method it offers, plus refresh
through its batch interface."""
from cent import Client, CentException

from common import API_KEY, API_URL, check

client = Client(API_URL, api_key=API_KEY, timeout=5)
channel = "cent4-channel"

client.publish(channel, {"n": 1})
client.broadcast([channel, "cent4-other"], {"n": 2})
history = client.history(channel, limit=10)
check([p["data"] for p in history["publications"]] == [{"n": 1}, {"n": 2}], "cent4 publish, broadcast, history")
check(history["offset"] == 2, "cent4 history offset")
client.history_remove(channel)
check(client.history(channel, limit=10)["publications"] == [], "cent4 history_remove")
check(client.presence(channel) == {}, "cent4 presence of an empty channel")
check(client.presence_stats(channel) == {"num_clients": 0, "num_users": 0}, "cent4 presence_stats")
check(client.channels() == {}, "cent4 channels (nobody subscribed)")
info = client.info()
check(len(info["nodes"]) == 1 and info["nodes"][0]["version"] == "4.1.5", "cent4 info")
client.subscribe("nobody", channel)
client.unsubscribe("nobody", channel)
client.disconnect("nobody")
check(True, "cent4 subscribe, unsubscribe, disconnect of an absent user")
client.add("refresh", {"user": "nobody", "expire_at": 4102444800})
client.send()
check(True, "cent4 refresh (batch)")
try:
    client.publish("", {"n": 3})
    check(False, "cent4 error for an empty channel")
except CentException as error:
    check("107" in str(error), f"cent4 error for an empty channel: {error}")
bad = Client(API_URL, api_key="wrong", timeout=5)
try:
    bad.info()
    check(False, "cent4 wrong key refused")
except CentException as error:
    check("401" in str(error), f"cent4 wrong key refused: {error}")
