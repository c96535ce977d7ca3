# The Python runtime loop inside the lab's Lambda sandbox (our own code). It talks to the sandbox's
# host through the device /dev/lambda, one JSON document per line: it receives `init` and `invoke`,
# answers `ready` and `done`, and sends `http` requests for the function (urllib, http.client)
# since the sandbox has no sockets: the lab answers them as AWS's network would.
import io
import json
import os
import sys
import time
import traceback

sys.path.insert(0, '/var/task')
sys.path.append('/var/runtime')
_rd = open('/dev/lambda', 'rb')
_wr = open('/dev/lambda', 'wb', buffering=0)


def _send(msg):
    _wr.write((json.dumps(msg) + '\n').encode('utf-8'))


def _recv():
    return json.loads(_rd.readline())


def _exchange(msg):
    _send(msg)
    while True:
        m = _recv()
        if m.get('type') == 'http-reply' and m.get('id') == msg.get('id'):
            return m


# ---- HTTP over the channel: http.client (and so urllib.request) without sockets ----------------
import base64
import http.client

_http_seq = [0]


class _RequestSock:
    """Collects what http.client writes; the request goes out whole at getresponse()."""

    def __init__(self):
        self.data = b''

    def sendall(self, data):
        self.data += bytes(data)

    send = sendall

    def makefile(self, mode='rb', *args, **kwargs):
        return io.BytesIO(self.reply)

    def settimeout(self, t):
        pass

    def setsockopt(self, *a):
        pass

    def close(self):
        pass


def _dechunk(body):
    out = b''
    while body:
        size_line, _, rest = body.partition(b'\r\n')
        size = int(size_line.split(b';')[0] or b'0', 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


class _LabConnection(http.client.HTTPConnection):
    _lab_scheme = 'http'

    def __init__(self, host, port=None, timeout=None, source_address=None, blocksize=8192, context=None, **kw):
        super().__init__(host, port, timeout=timeout if timeout is not None else 60, source_address=source_address, blocksize=blocksize)

    def connect(self):
        self.sock = _RequestSock()

    def getresponse(self):
        sock = self.sock
        raw = sock.data
        head, _, body = raw.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        method, target = lines[0].split(' ')[0:2]
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(':')
            headers[k.strip().lower()] = v.strip()
        if headers.get('transfer-encoding', '').lower() == 'chunked':
            body = _dechunk(body)
            headers.pop('transfer-encoding', None)
        host = headers.get('host') or self.host
        default = 443 if self._lab_scheme == 'https' else 80
        if ':' not in host and self.port and self.port != default:
            host = '%s:%d' % (host, self.port)
        url = target if target.startswith('http') else '%s://%s%s' % (self._lab_scheme, host, target)
        _http_seq[0] += 1
        r = _exchange({'type': 'http', 'id': _http_seq[0], 'req': {'method': method, 'url': url, 'headers': headers, 'body': base64.b64encode(body).decode()}})
        if r.get('error'):
            self.close()
            raise OSError(r.get('error'))
        data = base64.b64decode(r.get('body') or '')
        status_line = 'HTTP/1.1 %d %s\r\n' % (r['status'], r.get('statusText') or http.client.responses.get(r['status'], ''))
        hdrs = ''.join('%s: %s\r\n' % (k, v) for k, v in r.get('headers', {}).items() if k.lower() not in ('content-length', 'transfer-encoding', 'connection'))
        sock.reply = (status_line + hdrs + 'Content-Length: %d\r\nConnection: close\r\n\r\n' % len(data)).encode('latin-1') + data
        return super().getresponse()


class _LabHTTPSConnection(_LabConnection):
    _lab_scheme = 'https'
    default_port = 443


http.client.HTTPConnection.connect = _LabConnection.connect
http.client.HTTPConnection = _LabConnection
http.client.HTTPSConnection = _LabHTTPSConnection
# No TLS in this build of CPython: the lab's network answers https itself, so no context is needed.
http.client._create_https_context = lambda *a, **k: None

# ---- botocore over the channel too: its requests are signed as usual and answered by the lab -------


class _RawBody:
    def __init__(self, data):
        self._data = data

    def stream(self, amt=1024, decode_content=None):
        if self._data:
            data, self._data = self._data, b''
            yield data

    def read(self, amt=None):
        data, self._data = self._data, b''
        return data

    def close(self):
        pass


def _ssl_stand_in():
    """This CPython has no TLS; urllib3 and botocore still import ssl's names. HTTPS is answered by the lab."""
    try:
        import ssl  # noqa: F401
        return
    except ImportError:
        pass
    import types

    mod = types.ModuleType('ssl')

    class SSLError(OSError):
        pass

    class SSLContext:
        def __init__(self, protocol=None, *args, **kwargs):
            self.protocol = protocol
            self.options = 0
            self.verify_mode = 0
            self.check_hostname = False

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    mod.SSLError = SSLError
    for name in ('SSLZeroReturnError', 'SSLWantReadError', 'SSLWantWriteError', 'SSLSyscallError', 'SSLEOFError', 'SSLCertVerificationError', 'CertificateError'):
        setattr(mod, name, type(name, (SSLError,), {}))
    mod.SSLContext = SSLContext
    mod.SSLSocket = object
    mod.HAS_SNI = True
    mod.OPENSSL_VERSION = 'none (Nimbus Lab: HTTPS is answered by the lab network)'
    mod.OPENSSL_VERSION_NUMBER = 0
    mod.create_default_context = lambda *args, **kwargs: SSLContext()
    mod.match_hostname = lambda *args, **kwargs: None

    def __getattr__(name):
        if name.startswith(('OP_', 'PROTOCOL_', 'CERT_', 'VERIFY_', 'ALERT_')):
            return 0
        raise AttributeError(name)

    mod.__getattr__ = __getattr__
    sys.modules['ssl'] = mod


def _patch_botocore(httpsession):
    import botocore.awsrequest
    import botocore.exceptions

    def send(self, request):
        body = request.body
        if hasattr(body, 'read'):
            body = body.read()
        if isinstance(body, str):
            body = body.encode('utf-8')
        _http_seq[0] += 1
        r = _exchange({'type': 'http', 'id': _http_seq[0], 'req': {'method': request.method, 'url': request.url, 'headers': {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in request.headers.items()}, 'body': base64.b64encode(body or b'').decode()}})
        if r.get('error'):
            raise botocore.exceptions.EndpointConnectionError(endpoint_url=request.url, error=r.get('error'))
        response = botocore.awsrequest.AWSResponse(request.url, r['status'], botocore.awsrequest.HeadersDict(r.get('headers', {})), _RawBody(base64.b64decode(r.get('body') or '')))
        if not request.stream_output:
            response.content
        return response

    httpsession.URLLib3Session.send = send


import importlib.abc
import importlib.util


class _BotocoreHook(importlib.abc.MetaPathFinder):
    """Patches botocore's HTTP session the moment it is imported, whenever the function imports it."""

    def find_spec(self, name, path, target=None):
        if name != 'botocore.httpsession':
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            _patch_botocore(module)

        spec.loader.exec_module = exec_module
        return spec


_ssl_stand_in()
sys.meta_path.insert(0, _BotocoreHook())
# A spare sandbox imports boto3 ahead (it has the time); one booted for a waiting call does not.
if os.environ.get('_NIMBUS_PREIMPORT') == '1':
    try:
        import boto3  # noqa: F401
        boto3.session.Session()  # loads botocore's data loader and endpoints
    except ImportError:
        pass
_send({'type': 'booted'})

# ---- the handler and the invocation loop --------------------------------------------------------


class LambdaContext:
    def __init__(self, c):
        self.function_name = c['functionName']
        self.function_version = c['functionVersion']
        self.invoked_function_arn = c['invokedFunctionArn']
        self.memory_limit_in_mb = c['memoryLimitInMB']
        self.aws_request_id = c['awsRequestId']
        self.log_group_name = c['logGroupName']
        self.log_stream_name = c['logStreamName']
        self.identity = None
        self.client_context = None
        self._deadline = c['deadlineMs']

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline - time.time() * 1000))


def _frames(tb, skip_runtime):
    frames = traceback.extract_tb(tb)
    if skip_runtime:
        frames = [f for f in frames if f.filename != '/var/runtime/bootstrap.py']
    return traceback.format_list(frames)


def _error(e, request_id='', skip_runtime=True, error_type=None):
    et = error_type or type(e).__name__
    stack = _frames(e.__traceback__, skip_runtime)
    return {'errorMessage': str(e), 'errorType': et, 'requestId': request_id, 'stackTrace': stack}


def _log_error(err):
    text = '[ERROR] %s: %s' % (err['errorType'], err['errorMessage'])
    if err['stackTrace']:
        text += '\nTraceback (most recent call last):\n' + ''.join(err['stackTrace']).rstrip('\n')
    sys.stdout.flush()
    _send({'type': 'log', 'raw': True, 'text': text})


def _load(handler):
    module_name, _, fn_name = handler.rpartition('.')
    try:
        import importlib
        module = importlib.import_module(module_name.replace('/', '.'))
    except ImportError as e:
        return None, {'errorMessage': "Unable to import module '%s': %s" % (module_name, e), 'errorType': 'Runtime.ImportModuleError', 'requestId': '', 'stackTrace': []}
    except SyntaxError as e:
        return None, {'errorMessage': "Syntax error in module '%s': %s" % (module_name, e), 'errorType': 'Runtime.UserCodeSyntaxError', 'requestId': '', 'stackTrace': ['  File "/var/task/%s" Line %s\n        %s\n' % (e.filename.split('/')[-1] if e.filename else module_name + '.py', e.lineno, (e.text or '').strip())]}
    except Exception as e:
        return None, _error(e)
    fn = getattr(module, fn_name, None)
    if fn is None:
        return None, {'errorMessage': "Handler '%s' missing on module '%s'" % (fn_name, module_name), 'errorType': 'Runtime.HandlerNotFound', 'requestId': '', 'stackTrace': []}
    return fn, None


def _main():
    handler_fn = None
    while True:
        m = _recv()
        kind = m.get('type')
        if kind == 'init':
            os.environ.update(m.get('env') or {})
            handler_fn, err = _load(m['handler'])
            if err:
                _log_error(err)
            _send({'type': 'ready', 'error': err} if err else {'type': 'ready'})
        elif kind == 'invoke':
            ctx = LambdaContext(m['context'])
            try:
                event = json.loads(m['event'])
                result = handler_fn(event, ctx)
                payload = json.dumps(result)
                sys.stdout.flush()
                _send({'type': 'done', 'payload': payload})
            except Exception as e:
                err = _error(e, ctx.aws_request_id)
                if isinstance(e, TypeError) and 'is not JSON serializable' in str(e):
                    err = {'errorMessage': 'Unable to marshal response: %s' % e, 'errorType': 'Runtime.MarshalError', 'requestId': ctx.aws_request_id, 'stackTrace': []}
                _log_error(err)
                _send({'type': 'done', 'error': err})


_main()
