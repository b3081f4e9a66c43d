/**
 * One realistic positive per built-in detector, with the part that must never leave: the client's
 * scrubber and the Collector's generated redaction config are both checked against this table,
 * detector by detector (test/catalog/ingest-policy.test.ts, test/e2e/hostile-clients.test.ts).
 */
export const DETECTOR_SAMPLES: Readonly<Record<string, { readonly text: string; readonly secret: string }>> = {
  private_key: { text: '-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEAx7', secret: 'MIIEowIBAAKCAQEAx7' },
  jwt: { text: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fwpM', secret: 'sflKxwRJSMeKKF2QT4fwpM' },
  url_credentials: { text: 'postgres://admin:hunter2pw@db.internal:5432/app', secret: 'hunter2pw' },
  auth_header: { text: 'sent Bearer abcdef1234567890xyz', secret: 'abcdef1234567890xyz' },
  cookie: { text: 'Cookie: sessionid=abc123def456', secret: 'abc123def456' },
  api_key: { text: 'key ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5', secret: 'ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5' },
  password_assignment: { text: 'password=Sup3rS3cretPw', secret: 'Sup3rS3cretPw' },
  url_query_secret: { text: '/callback?access_token=qwe123rty456', secret: 'qwe123rty456' },
  email: { text: 'sent to jane.roe@example.net', secret: 'jane.roe@example.net' },
  iban: { text: 'pay GB82WEST12345698765432', secret: 'GB82WEST12345698765432' },
  card_number: { text: 'card 4111 1111 1111 1111', secret: '4111 1111 1111 1111' },
  us_ssn: { text: 'ssn 219-09-9999', secret: '219-09-9999' },
  national_id: { text: 'NINO JG103772A', secret: 'JG103772A' },
  phone_national: { text: 'call 07700 900123', secret: '07700 900123' },
  cli_credential: { text: 'redis requirepass hunter2pass', secret: 'hunter2pass' },
  phone: { text: 'call +1 415 555 0132', secret: '415 555 0132' },
  ipv6: { text: 'peer 2001:db8:85a3::8a2e:370:7334', secret: '2001:db8:85a3::8a2e:370:7334' },
  ipv4: { text: 'peer 192.0.2.146', secret: '192.0.2.146' },
  home_path: { text: 'ENOENT /Users/janeroe/Documents/a.txt', secret: 'janeroe' },
  high_entropy: { text: 'nonce f3Kq9ZxT2mLw8Rb4Vn6Yc1Hd5Gs7Jp0Ae', secret: 'f3Kq9ZxT2mLw8Rb4Vn6Yc1Hd5Gs7Jp0Ae' },
};
