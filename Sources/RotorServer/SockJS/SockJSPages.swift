/// The HTML documents of the iframe-based transports.
enum SockJSPages {
    /// The page iframe transports load from the server's origin: it loads the SockJS client from `clientURL` and
    /// starts its iframe side.
    static func iframe(clientURL: String) -> String {
        """
        <!DOCTYPE html>
        <html>
        <head>
          <meta http-equiv="X-UA-Compatible" content="IE=edge" />
          <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
          <script>
            document.domain = document.domain;
            _sockjs_onload = function(){SockJS.bootstrap_iframe();};
          </script>
          <script src="\(clientURL)"></script>
        </head>
        <body>
          <h2>SockJS iframe</h2>
          <p>Helper page of the SockJS client's cross-domain transports.</p>
        </body>
        </html>
        """
    }

    /// The entity tag of a page: a 64-bit FNV-1a digest of its bytes, in hex.
    static func entityTag(_ page: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in page.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The start of an `htmlfile` response: a page that hands each later `p(...)` call to `parent.<callback>`,
    /// padded past 1 KiB so that browsers start rendering at once.
    static func htmlFilePrelude(callback: String) -> String {
        var page = """
            <!doctype html>
            <html><head>
              <meta http-equiv="X-UA-Compatible" content="IE=edge" />
              <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
            </head><body><h2>SockJS htmlfile</h2>
              <script>
                document.domain = document.domain;
                var c = parent.\(callback);
                c.start();
                function p(d) {c.message(d);};
                window.onload = function() {c.stop();};
              </script>

            """
        // The padding does not depend on the callback's length: it is computed as for a two-byte placeholder.
        let templateLength = page.utf8.count - callback.utf8.count + 2
        page += String(repeating: " ", count: max(0, 1024 - templateLength + 14))
        page += "\r\n\r\n"
        return page
    }
}
