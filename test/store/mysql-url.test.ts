import { describe, expect, test } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import { describeMysqlTarget, isMysqlUrl, parseMysqlUrl } from '../../src/store/mysql-url.js';

describe('parseMysqlUrl', () => {
  test.each([
    ['mysql://svc:secret@db1:3307/cinder', { user: 'svc', password: 'secret', host: 'db1', port: 3307, database: 'cinder' }],
    ['mysql://svc:secret@db1/cinder', { user: 'svc', password: 'secret', host: 'db1', port: 3306, database: 'cinder' }],
    ['MySQL://svc@10.0.0.5:3306/cinder', { user: 'svc', password: '', host: '10.0.0.5', port: 3306, database: 'cinder' }],
    ['mysql://svc:p%40ss%3Aw%2Frd%23@db1/cinder', { user: 'svc', password: 'p@ss:w/rd#', host: 'db1', port: 3306, database: 'cinder' }],
    ['mysql://svc:a@b@db1/cinder', { user: 'svc', password: 'a@b', host: 'db1', port: 3306, database: 'cinder' }],
    ['mysql://svc:x@[::1]:3306/cinder', { user: 'svc', password: 'x', host: '::1', port: 3306, database: 'cinder' }],
    ['mysql://svc:x@db1/my%20db', { user: 'svc', password: 'x', host: 'db1', port: 3306, database: 'my db' }],
  ])('%s', (text, target) => {
    expect(parseMysqlUrl(text)).toEqual(target);
  });

  test.each([
    ['mysql://svc:TOPSECRET@db1:99999/cinder', 'it is not a well-formed URL'],
    ['mysql://svc:TOPSECRET@db1:0/cinder', 'port 0 is not a port'],
    ['mysql://svc:TOPSECRET@db1/cinder?charset=utf8', 'it has a ? or # part'],
    ['mysql://svc:TOP?SECRET@db1/cinder', 'it is not a well-formed URL'],
    ['mysql://db1/cinder', 'the user is missing'],
    ['mysql://svc:TOPSECRET@db1/', 'name one database after the host'],
    ['mysql://svc:TOPSECRET@db1', 'name one database after the host'],
    ['mysql://svc:TOPSECRET@db1/a/b', 'name one database after the host'],
    ['mysql://svc:TOP%zzSECRET@db1/cinder', 'the password has a bad %-escape'],
  ])('%s is a usage error that does not repeat the password', (text, why) => {
    let caught: unknown;
    try {
      parseMysqlUrl(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toContain(`invalid MySQL URL: ${why}`);
    expect((caught as Error).message).toContain('expected mysql://USER:PASSWORD@HOST:PORT/DATABASE');
    expect((caught as Error).message).not.toMatch(/SECRET/);
  });
});

test.each([
  ['mysql://a@b/c', true],
  ['MYSQL://a@b/c', true],
  ['/var/lib/svc/services.db', false],
  ['mysql.db', false],
])('isMysqlUrl(%s) is %s', (location, expected) => {
  expect(isMysqlUrl(location)).toBe(expected);
});

test('describeMysqlTarget names the target without its password', () => {
  expect(describeMysqlTarget(parseMysqlUrl('mysql://svc:secret@db1/cinder'))).toBe('mysql://svc@db1:3306/cinder');
  expect(describeMysqlTarget(parseMysqlUrl('mysql://svc:secret@[::1]:3307/cinder'))).toBe('mysql://svc@[::1]:3307/cinder');
});
