import NIOCore

/// An HTTP request to the server API, as the HTTP shell hands it over.
public struct APIRequest: Sendable {
    /// The HTTP method (`POST`, `GET`, …).
    public var method: String
    /// The request path without the query (`/api`, `/api/publish`).
    public var path: String
    /// The raw query string without `?` (`""` when the URL has none).
    public var query: String
    /// Header fields in arrival order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    /// The whole request body.
    public var body: ByteBuffer

    /// A request.
    public init(
        method: String = "POST",
        path: String = "/api",
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: ByteBuffer = ByteBuffer()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// What the server API answers: the HTTP status, the `Content-Type` (nil: none), other headers and the body.
public struct APIResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type` header value, or nil for responses without a body.
    public var contentType: String?
    /// Further header fields to send (name → value).
    public var headers: [String: String]
    /// The response body.
    public var body: ByteBuffer

    /// A response.
    public init(
        status: Int, contentType: String? = nil, headers: [String: String] = [:], body: ByteBuffer = ByteBuffer()
    ) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// `200` with a JSON body.
    static func json(_ body: ByteBuffer) -> APIResponse {
        APIResponse(status: 200, contentType: "application/json", body: body)
    }

    /// An error as Go's `http.Error` writes it: the text and a line feed, as plain text, with
    /// `X-Content-Type-Options: nosniff`.
    static func text(_ status: Int, _ text: String) -> APIResponse {
        APIResponse(
            status: status, contentType: "text/plain; charset=utf-8", headers: ["X-Content-Type-Options": "nosniff"],
            body: ByteBuffer(string: text + "\n"))
    }

    /// `400 Bad Request` (malformed body).
    static let badRequest = text(400, "Bad Request")
    /// `404` for paths the API does not serve.
    static let notFound = text(404, "404 page not found")
    /// `405`, empty body (method not POST).
    static let methodNotAllowed = APIResponse(status: 405)
    /// `401`, empty body (API key missing or wrong).
    static let unauthorized = APIResponse(status: 401)
    /// `503`, empty body (node shutting down).
    static let unavailable = APIResponse(status: 503)
}
