function varargout = forecast(varargin)
%FORECAST  bigru.forecast under its unqualified name; see help bigru.forecast.
[varargout{1:max(nargout, 1)}] = bigru.forecast(varargin{:});
end
