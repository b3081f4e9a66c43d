/**
 * Attribute keys whose whole value is a secret or a personal datum, whatever
 * it looks like.
 *
 * Terms must occupy whole key segments (delimited by '.', '_', '-' or the ends
 * of the key): `db.password` and `http.request.header.authorization` match,
 * while `passenger_count`, `tokens_used` and `server.address` do not, because
 * a substring match would redact ordinary counters and semantic-convention
 * attributes. Multi-word terms accept any of the delimiters or none between
 * their words (`user_name`, `user.name`, `username`, `api-key`, `apikey`).
 *
 * Not global, so `test()` keeps no `lastIndex` state between calls.
 */
export const defaultSensitiveKeyPattern: RegExp = new RegExp(
  String.raw`(?:^|[._-])(?:` +
    [
      'password',
      'passwd',
      'pwd',
      'secret',
      'token',
      String.raw`api[._-]?key`,
      'authorization',
      'auth',
      'cookie',
      String.raw`set[._-]?cookie`,
      String.raw`session[._-]?id`,
      'credentials?',
      String.raw`private[._-]?key`,
      String.raw`e[._-]?mail`,
      'phone',
      'mobile',
      'ssn',
      'iban',
      String.raw`card[._-]?number`,
      String.raw`cc[._-]?number`,
      'cvv',
      String.raw`user[._-]?name`,
      String.raw`first[._-]?name`,
      String.raw`last[._-]?name`,
      String.raw`full[._-]?name`,
      'birth',
      String.raw`birth[._-]?date`,
      String.raw`date[._-]of[._-]birth`,
      String.raw`street[._-]?address`,
      String.raw`home[._-]?address`,
      String.raw`billing[._-]?address`,
    ].join('|') +
    String.raw`)(?:$|[._-])`,
  'i',
);
