import Crypto
import Foundation
import Logging
import NIOCore
import NIOSSL
import RotorConfig
import Testing
import X509

@testable import RotorServer

@Suite("Server shell: listeners, API and health over real sockets, TLS")
struct ServerShellTests {
    static func start(_ json: String) async throws -> Server {
        let loaded = try ConfigLoader.load(contents: json, format: .json, path: "test.json")
        return try await Server.start(loaded: loaded, logger: Logger(label: "test"))
    }

    @Test("the API answers over HTTP with the handler's status, headers and body; health and 404 too")
    func apiAndHealth() async throws {
        let server = try await Self.start(#"{"api_key":"k","health":true,"port":"0","address":"127.0.0.1"}"#)
        let port = server.listeners[0].port
        #expect(server.listeners.count == 1)
        #expect(Set(["API", "health"]).isSubset(of: server.listeners[0].names))
        let body = #"{"method":"info","params":{}}"#
        let info = try await RawExchange.send(
            "POST /api HTTP/1.1\r\nHost: x\r\nAuthorization: apikey k\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n\(body)", port: port)
        #expect(info.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(info.contains("Content-Type: application/json\r\n"))
        #expect(info.contains(#"{"result":{"nodes":[{"uid":""#))
        let unauthorized = try await RawExchange.send(
            "POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", port: port)
        #expect(unauthorized.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"))
        let health = try await RawExchange.send(
            "DELETE /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        #expect(health.hasPrefix("HTTP/1.1 200 OK\r\n") && health.hasSuffix("\r\n\r\n{}"))
        let missing = try await RawExchange.send(
            "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n") && missing.hasSuffix("404 page not found\n"))
        await server.shutdown(grace: .zero)
    }

    @Test("two requests on one keep-alive connection both get answers")
    func keepAlive() async throws {
        let server = try await Self.start(#"{"health":true,"port":"0","address":"127.0.0.1"}"#)
        let port = server.listeners[0].port
        let both = try await RawExchange.send(
            "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            port: port)
        #expect(both.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        await server.shutdown(grace: .zero)
    }

    @Test("an internal port splits API and health from the client endpoints")
    func internalPort() async throws {
        let server = try await Self.start(
            #"{"api_key":"k","health":true,"port":"0","internal_port":"0","address":"127.0.0.1","internal_address":"127.0.0.2"}"#
        )
        #expect(server.listeners.count == 2)
        #expect(server.listeners.map(\.names).contains(["API", "health"]))
        await server.shutdown(grace: .zero)
    }

    @Test("WebSocket upgrades go through the connection rate limiter too (503 once the bucket is empty)")
    func upgradeRateLimited() async throws {
        let server = try await Self.start(
            #"{"client_connection_rate_limit":1,"port":"0","address":"127.0.0.1"}"#)
        let port = server.listeners[0].port
        let upgrade =
            "GET /connection/websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        let first = try await RawExchange.send(upgrade, port: port, timeout: .milliseconds(300))
        #expect(first.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
        let second = try await RawExchange.send(upgrade, port: port, timeout: .milliseconds(300))
        #expect(second.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        await server.shutdown(grace: .zero)
    }

    @Test("TLS from inline PEM strings serves HTTPS")
    func tls() async throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("localhost") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: Date(timeIntervalSinceNow: -3600), notValidAfter: Date(timeIntervalSinceNow: 3600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: .init(),
            issuerPrivateKey: .init(key))
        let certificatePEM = try certificate.serializeAsPEM().pemString
        let keyPEM = key.pemRepresentation
        let config: [String: Any] = [
            "tls": true, "tls_cert_pem": certificatePEM, "tls_key_pem": keyPEM, "health": true, "port": "0",
            "address": "127.0.0.1",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let server = try await Self.start(json)
        var clientConfiguration = TLSConfiguration.makeClientConfiguration()
        clientConfiguration.certificateVerification = .none
        let context = try NIOSSLContext(configuration: clientConfiguration)
        let answer = try await RawExchange.send(
            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.listeners[0].port, tls: context
        )
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.hasSuffix("{}"))
        await server.shutdown(grace: .zero)
    }

    @Test("a TLS configuration without a certificate fails to start, naming the option")
    func tlsWithoutCertificate() async throws {
        await #expect {
            _ = try await Self.start(#"{"tls":true,"port":"0","address":"127.0.0.1"}"#)
        } throws: { error in
            "\(error)".contains("tls_cert")
        }
    }

    @Test("a port that is not a number fails to start, naming the option")
    func badPort() async throws {
        await #expect {
            _ = try await Self.start(#"{"port":"eighty","address":"127.0.0.1"}"#)
        } throws: { error in
            "\(error)".contains("invalid port \"eighty\"")
        }
    }
}
