package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * DICOM over TLS (PS3.15 B.1 and B.9, the BCP 195 profiles): our key pair and the certificates we trust, as JSSE
 * socket factories for the SCUs and the server.
 *
 * @param keyStore           PKCS12 (or JKS) key store with our private key and certificate; null for none (a
 *                           client that presents no certificate)
 * @param keyStorePassword   its password (also used for the key)
 * @param trustStore         key store with the trusted peer certificates; null trusts the JDK's CA certificates
 * @param trustStorePassword its password
 * @param protocols          enabled protocols, e.g. TLSv1.3 and TLSv1.2
 * @param requireClientAuth  a server asks for and requires a trusted client certificate
 */
public record TlsConfig(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                        List<String> protocols, boolean requireClientAuth) {
    /** PS3.15 B.9 (BCP 195): TLS 1.2 or 1.3 only. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol enabled");
        }
        keyStorePassword = keyStorePassword == null ? new char[0] : keyStorePassword.clone();
        trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.clone();
    }

    /** A context built from the key and trust stores; IOException naming the store that cannot be loaded. */
    public SSLContext context() throws IOException {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePassword), keyStorePassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore == null ? null : load(trustStore, trustStorePassword));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            throw new IOException("cannot load key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Client sockets with our protocols; the handshake happens on the first read or write. */
    public SocketFactory socketFactory() throws IOException {
        javax.net.ssl.SSLSocketFactory f = context().getSocketFactory();
        String[] enabled = protocols.toArray(String[]::new);
        return new SocketFactory() {
            private Socket configure(Socket s) {
                ((SSLSocket) s).setEnabledProtocols(enabled);
                return s;
            }

            @Override
            public Socket createSocket() throws IOException {
                return configure(f.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return configure(f.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return configure(f.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return configure(f.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return configure(f.createSocket(host, port, local, localPort));
            }
        };
    }

    /** Server sockets with our protocols, requiring a client certificate when configured. */
    public ServerSocketFactory serverSocketFactory() throws IOException {
        if (keyStore == null) {
            throw new IOException("a TLS server needs a key store with its certificate");
        }
        javax.net.ssl.SSLServerSocketFactory f = context().getServerSocketFactory();
        String[] enabled = protocols.toArray(String[]::new);
        boolean need = requireClientAuth;
        return new ServerSocketFactory() {
            private ServerSocket configure(ServerSocket s) {
                SSLServerSocket ss = (SSLServerSocket) s;
                ss.setEnabledProtocols(enabled);
                ss.setNeedClientAuth(need);
                return ss;
            }

            @Override
            public ServerSocket createServerSocket() throws IOException {
                return configure(f.createServerSocket());
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return configure(f.createServerSocket(port));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return configure(f.createServerSocket(port, backlog));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress bind) throws IOException {
                return configure(f.createServerSocket(port, backlog, bind));
            }
        };
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword.clone();
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword.clone();
    }
}
