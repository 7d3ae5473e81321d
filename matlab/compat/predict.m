function varargout = predict(varargin)
%PREDICT  bigru.predict under MATLAB's unqualified name; see help bigru.predict.
[varargout{1:max(nargout, 1)}] = bigru.predict(varargin{:});
end
