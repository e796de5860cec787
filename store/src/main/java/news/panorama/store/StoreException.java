package news.panorama.store;

/**
 * The database failed underneath the store (disk full, file locked by another process, connection
 * lost, stored JSON no longer readable). The message names the operation and the article or story
 * it was about; the cause is the driver's exception.
 */
public final class StoreException extends RuntimeException {
  StoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
