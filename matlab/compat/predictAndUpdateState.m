function varargout = predictAndUpdateState(varargin)
%PREDICTANDUPDATESTATE  bigru.predictAndUpdateState under its unqualified name; see help bigru.predictAndUpdateState.
[varargout{1:max(nargout, 1)}] = bigru.predictAndUpdateState(varargin{:});
end
