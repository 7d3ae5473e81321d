function varargout = resetState(varargin)
%RESETSTATE  bigru.resetState under its unqualified name; see help bigru.resetState.
[varargout{1:max(nargout, 1)}] = bigru.resetState(varargin{:});
end
