function varargout = minibatchpredict(varargin)
%MINIBATCHPREDICT  bigru.minibatchpredict under MATLAB's unqualified name; see help bigru.minibatchpredict.
[varargout{1:max(nargout, 1)}] = bigru.minibatchpredict(varargin{:});
end
