import { isProxyAddressList, parseProxyAddressList } from './trusted-proxies';

describe('TRUSTED_PROXIES', () => {
  it.each([
    ['', []],
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.5 , 10.1.0.0/16,', ['10.0.0.5', '10.1.0.0/16']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(parseProxyAddressList(value)).toEqual(expected);
    expect(isProxyAddressList(value)).toBe(true);
  });

  it.each(['loopback', '10.0.0.300', '10.0.0.0/33', '::1/129', '10.0.0.0/8/8', '10.0.0.0/', 'proxy.example.org'])('refuses %j', (value) => {
    expect(isProxyAddressList(value)).toBe(false);
  });
});
