// What the web-server images send, byte for byte: default pages, error pages and their headers
// (nginx 1.27's html/index.html and ngx_http_special_response.c pages, httpd 2.4's htdocs/index.html
// and its error document, hashicorp/http-echo's -text). Data only; http-servers.ts answers with it.

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error pages: the title line, then its version in the footer. */
export function nginxErrorPage(status: string, version: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** Versions the nginx tags carry (the Server header and error pages show them). */
export const NGINX_VERSIONS: Record<string, string> = {
  latest: '1.27.3', '1.27': '1.27.3', '1.27.3': '1.27.3', alpine: '1.27.3', mainline: '1.27.3',
  stable: '1.26.2', '1.26': '1.26.2', '1.25': '1.25.5', '1.16.1': '1.16.1', '1.14.2': '1.14.2',
};

/** The index.html of the nginx image: its mtime is the release build's (ETag is mtime-length in hex). */
export const NGINX_INDEX_MTIME = 1732636500; // Tue, 26 Nov 2024 15:55:00 GMT

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
export const HTTPD_INDEX_MTIME = 1181587994; // Mon, 11 Jun 2007 18:53:14 GMT (the file has not changed since)
export const HTTPD_ETAG = '"2d-432a5e4a73a80"';
export const HTTPD_SERVER = 'Apache/2.4.62 (Unix)';

export function httpdErrorPage(code: number): string {
  const texts: Record<number, [string, string]> = {
    404: ['Not Found', 'The requested URL was not found on this server.'],
    405: ['Method Not Allowed', 'The requested method POST is not allowed for this URL.'],
  };
  const [title, text] = texts[code] ?? ['Error', ''];
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${code} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n<p>${text}</p>\n</body></html>\n`;
}

export const HTTP_ECHO_VERSION = '1.0.0';
