// zlib, for WebSocket permessage-deflate (RFC 7692) in RotorServer.
#include <zlib.h>
