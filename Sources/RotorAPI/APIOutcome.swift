import NIOCore
import RotorProtocol

/// The outcome of one API call: the encoded result object, or an API error.
enum APIOutcome {
    /// The result object's JSON.
    case result(ByteBuffer)
    /// An error of `server.md` §4.4.
    case error(ReplyError)
}

extension JSONBuilder {
    /// Writes an API error object: `code` and `message`, each omitted when zero/empty.
    mutating func apiError(_ error: ReplyError) {
        beginObject()
        if error.code != 0 {
            key("code")
            integer(error.code)
        }
        if !error.message.isEmpty {
            key("message")
            string(error.message)
        }
        endObject()
    }

    /// Writes `{"error":…}` or `{"<resultKey>":…}` (a v5 `*Response`, a batch reply, a broadcast element).
    mutating func apiResponse(_ outcome: APIOutcome, resultKey: String = "result") {
        beginObject()
        switch outcome {
        case .error(let error):
            key("error")
            apiError(error)
        case .result(let result):
            key(resultKey)
            rawValue(result)
        }
        endObject()
    }
}
