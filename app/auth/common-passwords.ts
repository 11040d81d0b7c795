// Passwords of ten characters or more that appear near the top of published
// leaked-password frequency lists (shorter ones already fail the length rule),
// plus obvious French, Spanish and product-name variants. Compared lower-cased.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '0000000000', '0123456789', '1111111111', '1122334455', '1212121212',
  '123123123123', '1231231231', '1234512345', '1234567890', '1234567890a',
  '1234567891', '123456789a', '123456789q', '1234qwerasdf', '123qweasdzxc',
  '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc', '1qazxsw23edc', '5555555555',
  '7777777777', '8888888888', '9876543210', '9999999999', 'a123456789',
  'abc1234567', 'abcd123456', 'abcdefghij', 'administrator', 'asdfghjkl1',
  'asdfghjkl;', 'azerty1234', 'azertyuiop', 'baseball123', 'batman12345',
  'bonjour123', 'changeme123', 'contrasena', 'contrasena123', 'contraseña',
  'contraseña123', 'dragon12345', 'football123', 'iloveyou12', 'iloveyou123',
  'jennifer123', 'trellis123', 'trellis1234', 'letmein123', 'master12345',
  'michael123', 'monkey12345', 'motdepasse', 'motdepasse1', 'motdepasse123',
  'p@ssw0rd123', 'p@ssword123', 'passw0rd123', 'password01', 'password1!',
  'password12', 'password123', 'password1234', 'passwordpassword', 'princess123',
  'q123456789', 'qazwsxedc123', 'qwe123qwe123', 'qweasdzxc123', 'qwer1234asdf',
  'qwerty12345', 'qwerty123456', 'qwertyuiop', 'qwertyuiop123', 'shadow12345',
  'soleil1234', 'starwars123', 'sunshine123', 'superman123', 'teamo12345',
  'trustno1234', 'welcome123', 'welcome1234', 'zaq12wsxcde3', 'zxcvbnm123',
])
