import NIOSSL
import RotorConfig

/// The TLS context of the HTTP listeners from `tls`, `tls_cert`/`tls_key` (files) or `tls_cert_pem`/
/// `tls_key_pem` (inline, used when the paths are empty) (`server.md` §1.2.6).
enum TLSSetup {
    /// nil when `tls` is off; a configuration error naming the option otherwise.
    static func serverContext(_ configuration: RotorConfiguration) throws(ServerStartError) -> NIOSSLContext? {
        let options = configuration.tls
        guard options.tls else { return nil }
        let certificates: [NIOSSLCertificate]
        do {
            if !options.tlsCert.isEmpty {
                certificates = try NIOSSLCertificate.fromPEMFile(options.tlsCert)
            } else if !options.tlsCertPEM.isEmpty {
                certificates = try NIOSSLCertificate.fromPEMBytes(Array(options.tlsCertPEM.utf8))
            } else {
                throw ServerStartError.tls(
                    key: "tls_cert", problem: "tls is on but neither tls_cert nor tls_cert_pem is set")
            }
        } catch let error as ServerStartError {
            throw error
        } catch {
            let key = options.tlsCert.isEmpty ? "tls_cert_pem" : "tls_cert"
            throw ServerStartError.tls(key: key, problem: "cannot read the certificate: \(error)")
        }
        guard !certificates.isEmpty else {
            throw ServerStartError.tls(
                key: options.tlsCert.isEmpty ? "tls_cert_pem" : "tls_cert", problem: "no certificate found")
        }
        let key: NIOSSLPrivateKey
        do {
            if !options.tlsKey.isEmpty {
                key = try NIOSSLPrivateKey(file: options.tlsKey, format: .pem)
            } else if !options.tlsKeyPEM.isEmpty {
                key = try NIOSSLPrivateKey(bytes: Array(options.tlsKeyPEM.utf8), format: .pem)
            } else {
                throw ServerStartError.tls(
                    key: "tls_key", problem: "tls is on but neither tls_key nor tls_key_pem is set")
            }
        } catch let error as ServerStartError {
            throw error
        } catch {
            let name = options.tlsKey.isEmpty ? "tls_key_pem" : "tls_key"
            throw ServerStartError.tls(key: name, problem: "cannot read the private key: \(error)")
        }
        let tlsConfiguration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            return try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw ServerStartError.tls(
                key: "tls_key", problem: "the certificate and key do not form a usable TLS context: \(error)")
        }
    }
}
