import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isPostgresUnavailable } from './postgres-errors';

function databaseError(code: string, message = 'server says no'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
}

describe('isPostgresUnavailable', () => {
  it.each([
    ['connection refused', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET')],
    [
      'terminated by an administrator (pg_terminate_backend, restart)',
      databaseError('57P01', 'terminating connection due to administrator command'),
    ],
    ['server starting up', databaseError('57P03', 'the database system is starting up')],
    ['too many connections', databaseError('53300')],
    ['session ended for idling in a transaction', databaseError('25P03', 'terminating connection due to idle-in-transaction timeout')],
    ['connection exception class 08', databaseError('08006')],
    ['connection lost mid-statement', new Error('Connection terminated unexpectedly')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pool exhausted past its timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['wrapped by TypeORM, with a SQLSTATE', new QueryFailedError('SELECT 1', [], databaseError('57P01'))],
    ['as the cause of another error', new Error('could not load the actor', { cause: socketError('ECONNREFUSED') })],
  ])('is true for %s', (_, error) => {
    expect(isPostgresUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], databaseError('23505'))],
    ['a syntax error', databaseError('42601')],
    ['a lock timeout', databaseError('55P03')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isPostgresUnavailable(error)).toBe(false);
  });
});
